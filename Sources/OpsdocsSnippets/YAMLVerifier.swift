// YAML blocks: every document parses; Kubernetes objects are checked against the API
// versions Kubernetes has removed (a manifest using one no longer applies).

import Yams

enum YAMLVerifier {
    static let tool = "yaml"

    /// "apiVersion kind" → the release that removed it and the replacement.
    static let removedAPIs: [String: String] = {
        var table: [String: String] = [:]
        func add(_ version: String, _ kinds: [String], _ release: String, _ replacement: String) {
            for kind in kinds { table["\(version) \(kind)"] = "removed in Kubernetes \(release); use \(replacement)" }
        }
        add("extensions/v1beta1", ["Deployment", "DaemonSet", "ReplicaSet"], "1.16", "apps/v1")
        add("extensions/v1beta1", ["NetworkPolicy"], "1.16", "networking.k8s.io/v1")
        add("extensions/v1beta1", ["PodSecurityPolicy"], "1.16", "policy/v1beta1 (itself removed in 1.25)")
        add("extensions/v1beta1", ["Ingress"], "1.22", "networking.k8s.io/v1")
        add("apps/v1beta1", ["Deployment", "StatefulSet", "ReplicaSet"], "1.16", "apps/v1")
        add("apps/v1beta2", ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"], "1.16", "apps/v1")
        add("networking.k8s.io/v1beta1", ["Ingress", "IngressClass"], "1.22", "networking.k8s.io/v1")
        add("rbac.authorization.k8s.io/v1beta1", ["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"], "1.22",
            "rbac.authorization.k8s.io/v1")
        add("rbac.authorization.k8s.io/v1alpha1", ["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"], "1.22",
            "rbac.authorization.k8s.io/v1")
        add("apiextensions.k8s.io/v1beta1", ["CustomResourceDefinition"], "1.22", "apiextensions.k8s.io/v1")
        add("apiregistration.k8s.io/v1beta1", ["APIService"], "1.22", "apiregistration.k8s.io/v1")
        add("admissionregistration.k8s.io/v1beta1", ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"],
            "1.22", "admissionregistration.k8s.io/v1")
        add("certificates.k8s.io/v1beta1", ["CertificateSigningRequest"], "1.22", "certificates.k8s.io/v1")
        add("coordination.k8s.io/v1beta1", ["Lease"], "1.22", "coordination.k8s.io/v1")
        add("scheduling.k8s.io/v1beta1", ["PriorityClass"], "1.22", "scheduling.k8s.io/v1")
        add("scheduling.k8s.io/v1alpha1", ["PriorityClass"], "1.17", "scheduling.k8s.io/v1")
        add("storage.k8s.io/v1beta1", ["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"], "1.22", "storage.k8s.io/v1")
        add("storage.k8s.io/v1beta1", ["CSIStorageCapacity"], "1.27", "storage.k8s.io/v1")
        add("batch/v1beta1", ["CronJob"], "1.25", "batch/v1")
        add("batch/v2alpha1", ["CronJob"], "1.21", "batch/v1")
        add("discovery.k8s.io/v1beta1", ["EndpointSlice"], "1.25", "discovery.k8s.io/v1")
        add("events.k8s.io/v1beta1", ["Event"], "1.25", "events.k8s.io/v1")
        add("policy/v1beta1", ["PodDisruptionBudget"], "1.25", "policy/v1")
        add("policy/v1beta1", ["PodSecurityPolicy"], "1.25", "Pod Security Admission")
        add("node.k8s.io/v1beta1", ["RuntimeClass"], "1.25", "node.k8s.io/v1")
        add("autoscaling/v2beta1", ["HorizontalPodAutoscaler"], "1.25", "autoscaling/v2")
        add("autoscaling/v2beta2", ["HorizontalPodAutoscaler"], "1.26", "autoscaling/v2")
        add("flowcontrol.apiserver.k8s.io/v1beta1", ["FlowSchema", "PriorityLevelConfiguration"], "1.26",
            "flowcontrol.apiserver.k8s.io/v1")
        add("flowcontrol.apiserver.k8s.io/v1beta2", ["FlowSchema", "PriorityLevelConfiguration"], "1.29",
            "flowcontrol.apiserver.k8s.io/v1")
        add("settings.k8s.io/v1alpha1", ["PodPreset"], "1.20", "mutating webhooks")
        return table
    }()

    static func verify(_ script: String) -> [Finding] {
        var documents: [Node] = []
        do {
            // Not compose_all: its sequence stops silently at a parse error.
            let parser = try Parser(yaml: script)
            while let document = try parser.nextRoot() { documents.append(document) }
        } catch let error as YamlError {
            return [Finding(line: line(of: error), .error, tool: tool, "does not parse: \(message(of: error))")]
        } catch {
            return [Finding(line: 1, .error, tool: tool, "does not parse: \(error)")]
        }
        var findings: [Finding] = []
        for document in documents {
            guard case .mapping(let mapping) = document,
                  let version = mapping["apiVersion"]?.string, let kind = mapping["kind"]?.string
            else { continue }
            if let why = removedAPIs["\(version) \(kind)"] {
                let line = (mapping["apiVersion"]?.mark?.line ?? 1)
                findings.append(Finding(line: line, .warning, tool: "kubernetes", "\(version) \(kind) was \(why)"))
            }
        }
        return findings
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return 1
        }
    }

    private static func message(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
             .composer(let context, let problem, _, _):
            return problem + (context.map { " \($0.text)" } ?? "")
        default:
            return "\(error)"
        }
    }
}
