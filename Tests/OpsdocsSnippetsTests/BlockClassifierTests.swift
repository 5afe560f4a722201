// A block's kind comes from its label and its content; contradictions are warnings.

import Testing
@testable import OpsdocsSnippets

@Suite struct BlockClassifierTests {
    private func kind(_ label: String, _ code: String) -> Classification { BlockClassifier.classify(label: label, code: code) }

    @Test func messyLabelsOfRealNotes() {
        for label in ["bash", "sh", "shell", "Shell", "zsh"] { #expect(kind(label, "ls -l\n").kind == .shell) }
        for label in ["console", "ShellSession", "commandline"] { #expect(kind(label, "$ ls\nfile\n").kind == .console) }
        #expect(kind("yml", "a: 1\nb: 2\n").kind == .yaml)
        #expect(kind("mermaid", "graph LR\n a --> b\n").kind == .mermaid)
        #expect(kind("go", "package main\n").kind == .go)
    }

    @Test func contentWinsOverAWrongLabelWithAWarning() {
        let docker = kind("bash", "FROM alpine:3.19\nRUN apk add curl\nCMD [\"sh\"]\n")
        #expect(docker.kind == .dockerfile)
        #expect(docker.declared == .shell)
        #expect(docker.mismatch?.contains("Dockerfile") == true)

        let manifest = kind("shell", "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n")
        #expect(manifest.kind == .yaml)
        #expect(manifest.mismatch != nil)

        let sysctl = kind("bash", "net.ipv4.tcp_tw_reuse = 1\nnet.core.somaxconn = 32768\n")
        #expect(sysctl.kind == .sysctl)

        let commands = kind("text", "kubectl get pods -A\nkubectl describe node node-01\n")
        #expect(commands.kind == .shell)
        #expect(commands.mismatch?.contains("`text`") == true)

        let json = kind("bash", "{\n  \"signing\": {\"default\": {\"expiry\": \"87600h\"}}\n}\n")
        #expect(json.kind == .json)
    }

    @Test func transcriptInABashFenceIsNotWorthAWarning() {
        let c = kind("bash", "$ kubectl get nodes\nNAME STATUS\n")
        #expect(c.kind == .console)
        #expect(c.mismatch == nil)
    }

    @Test func bareFences() {
        #expect(kind("", "$ docker ps\n").kind == .console)
        #expect(kind("", "apiVersion: apps/v1\nkind: Deployment\n").kind == .yaml)
        #expect(kind("", "just some words\n").kind == .other)
        #expect(kind("", "NAME    READY   STATUS\nweb-1   1/1     Running\n").kind == .output)
    }

    @Test func templatesAreMarked() {
        #expect(kind("yaml", "image: {{ .Values.image }}\nreplicas: 1\n").isTemplate)
        #expect(kind("", "{% if ipvs %}\nnet.ipv4.vs.conntrack = 1\n{% endif %}\n").isTemplate)
        #expect(!kind("bash", "echo '{{ not a template for bash }}'\n").isTemplate)
    }

    @Test func synopsesAndTemplatesWrittenInStandInsAreNotScriptsButACommandWithAFillInIs() {
        #expect(kind("bash", "kubectl [command] [TYPE] [NAME] [flags]\n").kind == .other)
        #expect(kind("bash", "$ kill [-signal] PID\n").kind == .other)
        #expect(kind("bash", "while condition; do\n  commands\ndone\n").kind == .other)
        #expect(kind("bash", "while condition; do\n  commands\ndone\n").reason == "a syntax template: every statement in stand-ins")
        #expect(kind("bash", "$ grep pattern filename\n").kind == .other)
        #expect(kind("bash", "$ killall processname\n").kind == .console)
        #expect(kind("bash", "while true; do\n  kubectl get pods\n  sleep 5\ndone\n").kind == .shell)
        // Options of a command the block does not show: a fragment, not a transcript of `# kube-proxy`.
        #expect(kind("bash", "# kube-apiserver\n--feature-gates=TopologyAwareHints=true\n\n# kube-proxy\n--feature-gates=TopologyAwareHints=true\n").kind == .shell)
        #expect(kind("bash", "... # 省略\n  --requestheader-allowed-names=aggregator \\\n  --enable-aggregator-routing=true \\\n").kind == .shell)
        // Unlabelled fences: a heredoc's body and a command's continued lines are part of it; a
        // #! line naming bash makes a script; braces around another language's code do not.
        #expect(kind("", "cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: demo\nEOF\n").kind == .shell)
        #expect(kind("", "kubectl create configmap app \\\n  --from-literal=a=1 \\\n  --from-literal=b=2\n").kind == .shell)
        #expect(kind("", "#!/bin/bash\nfilename=$1\nif grep x $filename\nthen\n  echo found\nfi\n").kind == .shell)
        #expect(kind("", "[ ! -d temp ] && exit 1\n").kind == .shell)
        #expect(kind("", "declare -A colors\ncolors[\"red\"]=\"#ff0000\"\n").kind == .shell)
        #expect(kind("", "{ ls -l; cat foo.txt; } > output.txt\n").kind == .shell)
        #expect(kind("", "podTemplate(label: 'slave')\n{\n    node ('slave') {\n        echo \"hello\"\n        sleep 60\n    }\n}\n").kind != .shell)
        #expect(kind("", "HTTP/1.1 200 OK\nServer: nginx/1.19.1\nContent-Type: text/html\nContent-Length: 612\n").kind == .output)
        // What `./configure` printed: labels of up to eight words, a colon, a value.
        #expect(kind("bash", "Configuration summary\n  + PCRE library is not used\n\n  nginx path prefix: \"/opt/nginx\"\n"
            + "  nginx http client request body temporary files: \"client_body_temp\"\n  nginx http proxy temporary files: \"proxy_temp\"\n").kind == .output)
        // A lone address, whatever its scheme, is a reference to read, not what a program printed.
        #expect(kind("text", "spiffe://trust-domain/path\n").kind == .other)
        #expect(kind("", "https://github.com/easzlab/kubeasz\n").kind == .other)
        #expect(kind("", "replicas: 3\nimage: nginx:1.25\n").kind == .yaml)
        // A #! line says which language; a block of comments alone is what its fence says.
        #expect(kind("bash", "#!/usr/bin/env node\n").kind == .other)
        #expect(kind("bash", "#!/usr/bin/env python3\nimport os\nprint(os.getcwd())\n").kind == .python)
        #expect(kind("bash", "#!/bin/sh\n# 或者\n#!/bin/bash\n").kind == .shell)
        // Commands and a caption of prose: a script (the caption is not output).
        #expect(kind("", "sudo lvs\n可选参数：\n● -l 100%FREE：使用全部剩余空间\n").kind == .shell)
        #expect(kind("bash", "kill PID\n").kind == .shell)
        #expect(kind("bash", "/sbin/iptables -P FORWARD ACCEPT\n").kind == .shell)
    }

    @Test func configFilesAndTablesInShellFences() {
        let haproxy = "listen kube_master\n        bind 0.0.0.0:8443\n        mode tcp\n        balance roundrobin\n        server m1 10.0.0.1:6443 check\n"
        #expect(kind("bash", haproxy).kind == .other)
        let keepalived = "vrrp_instance VI-01 {\n    state MASTER\n    priority 120\n    interface eth0\n}\n"
        #expect(kind("bash", keepalived).kind == .other)
        let fstab = "LABEL=/12      /         ext3    defaults    1   1\nLABEL=/home    /home     ext3    defaults    1   2\n"
        #expect(kind("", fstab).kind == .other)
        #expect(kind("ShellSession", "[bastion]\nbastion ansible_host=10.0.0.9\n").kind == .ini)
        #expect(kind("text", "ca-key.pem  ca.pem  ca-config.json  devuser-csr.json\n").kind == .output)
        #expect(kind("text", "2020-01-10T18:10:40.01576219Z stdout F application log message\n").kind == .output)
        let ipvsadm = "IP Virtual Server version 1.2.1 (size=4096)\nProt LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\nTCP  10.254.0.1:443 rr\n  -> 172.27.137.229:6443          Masq    1      0          0\n  -> 172.27.138.239:6443          Masq    1      0          0\n"
        #expect(kind("bash", ipvsadm).kind == .output)
        #expect(kind("", "replicas: 3\nimage:\n  tag: v1.2\n").kind == .yaml)
        let describe = "Name:         my-svc.my-namespace\nLabels:       <none>\nRequesting User:    system:node:worker-1\nStatus:             Pending\n  Serial Number:\n  DNS Names:     my-svc.svc\n"
        #expect(kind("text", describe).kind == .output)
        #expect(kind("bash", "Hello This is a Test 1 2 3 4\nreplace all spaces with hyphens\n").kind == .other)
        // A script that writes a config through a heredoc is a script.
        #expect(kind("bash", "cat > /etc/haproxy/haproxy.cfg <<EOF\nlisten m\n    bind 0.0.0.0:8443\n    mode tcp\nEOF\n").kind == .shell)
    }

    @Test func aReplSessionIsNotBashButCommandsAroundOneAre() {
        #expect(kind("text", "127.0.0.1:6379> ping\nPONG\n127.0.0.1:6379> get k\n\"v\"\n").kind == .other)
        #expect(kind("", "mysql> show databases;\n").kind == .other)
        #expect(kind("bash", "sudo parted /dev/sdb\n(parted) mklabel gpt\n(parted) quit\nlsblk /dev/sdb\n").kind == .shell)
    }

    @Test func aPromptThatStartsAReplAndGoesOnInsideItIsAReplSession() {
        // Run from all.sh, `sqlite3 app.db` alone would sit waiting for input.
        let sqlite = kind("bash", "[root@db01 ~]# sqlite3 /var/lib/app/app.db\nSQLite version 3.40.1\nsqlite> .tables\nusers\n")
        #expect(sqlite.kind == .other)
        #expect(sqlite.reason == "a session inside the program its one command starts")
        #expect(kind("", "$ python3\nPython 3.11.2\n>>> import ssl\n>>> ssl.OPENSSL_VERSION\n'OpenSSL 3.0.11'\n").kind == .other)
        // Shell commands after it exits make it a transcript again.
        #expect(kind("", "$ mysql -uroot -p\nmysql> show databases;\nmysql> exit\n$ systemctl restart mysqld\n").kind == .console)
        // Output alone after the command is what it printed, not a REPL.
        #expect(kind("", "$ telnet 10.0.5.21 11211\nTrying 10.0.5.21...\nConnected to 10.0.5.21.\n").kind == .console)
        // Any program's `name> ` or `/path> ` prompt, not only the REPLs opsdocs knows by name.
        #expect(kind("", "$ supervisorctl\nweb  RUNNING  pid 2187\nsupervisor> stop web\nweb: stopped\n").kind == .other)
        #expect(kind("", "[root@stor01 ~]# targetcli\n/> cd /backstores/block\n/backstores/block> create d1 /dev/sdb\n").kind == .other)
        // (not a line of output that happens to hold `->` or a redirection)
        #expect(kind("", "$ ls -l /etc/alternatives/java\nlrwxrwxrwx 1 root root 46 java -> /usr/lib/jvm/bin/java\n").kind == .console)
    }
    // Unlabelled fences as install notes paste them (synthetic-a/ showed each of these missing).

    @Test func logsErrorsAndProgressMarksInABareFenceAreOutput() {
        #expect(kind("", "[1520331.442158] Memory cgroup out of memory: Killed process 30512 (java)\n").kind == .output)
        #expect(kind("", "12873:X 14 Mar 2024 15:20:11.532 # +sdown master mymaster 10.0.0.21 6379\n"
            + "12873:X 14 Mar 2024 15:20:11.601 # +new-epoch 1\n").kind == .output)
        #expect(kind("", "make[1]: *** [adlist.o] Error 1\nmake: *** [all] Error 2\n").kind == .output)
        #expect(kind("", "permission denied while trying to connect to the Docker daemon socket\n").kind == .output)
        #expect(kind("", "[+] Running 2/2\n ✔ Container db   Started\n ✔ Container web  Started\n").kind == .output)
        // A single log line is not a usage synopsis for having brackets in it.
        #expect(kind("", "2024-03-14T03:02:10.482911Z 12 [ERROR] [MY-010584] [Repl] Replica I/O error\n").kind == .output)
    }

    @Test func anOptionReferenceWithDescriptionsIsNotACommand() {
        // Options and what they do, aligned: a reference table, nothing to run.
        let reference = "--backup               备份\n--prepare              准备（应用 redo）\n--target-dir=DIR       备份存放目录\n"
        #expect(kind("", reference).kind == .other)
        // An `ls -l` listing starts with `-` too: it is what ls printed.
        #expect(kind("", "-rw-r--r-- 1 root root     0 Jun  3 06:51 a.log\n-rw-r--r-- 1 root adm  18231 Jun  3 06:52 b.log\n").kind == .output)
        // Flags alone under a program's comment stay a fragment of its command line.
        #expect(kind("bash", "--feature-gates=RotateKubeletServerCertificate=true\n--v=2\n").kind == .shell)
    }

    @Test func labelsPaddedToLineUpTheirColonsAreAReportNotYAML() {
        // `EXPLAIN … \G` and other reports right-align their labels; YAML siblings share an indent.
        let explain = "           id: 1\n         type: range\n          key: idx_uid_status_ctime\n         rows: 142\n"
        #expect(kind("", explain).kind == .output)
        #expect(kind("", "*************************** 1. row ***************************\n  Name: t_order\nEngine: InnoDB\n  Rows: 1200\n").kind == .output)
        // A manifest with nested keys is still YAML, though a parent's colon may fall in a child's column.
        #expect(kind("", "spec:\n  ab: 1\n  cd: 2\nmeta: x\n").kind == .yaml)
        #expect(kind("", "name: web\nimage: nginx\nport: 80\n").kind == .yaml)
    }

    @Test func aCommandThenWhatItPrintedIsATranscriptEvenWithoutAPrompt() {
        // A line bash could not run (an unquoted ` (`), though it starts with the program's name.
        let version = kind("", "mysql -V\nmysql  Ver 8.0.36 for Linux on x86_64 (MySQL Community Server - GPL)\n")
        #expect(version.kind == .console)
        #expect(version.session?.script == "mysql -V\n")
        // Numbered replies, a path with what is known of it, names and numbers, settings echoed back.
        #expect(kind("", "redis-cli -p 26379 sentinel get-master-addr-by-name mymaster\n1) \"10.0.0.21\"\n2) \"6379\"\n").kind == .console)
        #expect(kind("", "blkid /dev/vdb1\n/dev/vdb1: UUID=\"7c3f2a1e\" TYPE=\"xfs\"\n").kind == .console)
        #expect(kind("", "curl -s localhost:9100/metrics | grep ^node_load\nnode_load1 0.21\nnode_load5 0.3\n").kind == .console)
        #expect(kind("", "sysctl -p /etc/sysctl.d/99-web.conf\nfs.file-max = 2097152\nnet.core.somaxconn = 65535\n").kind == .console)
        // A program the lexicon lacks, known by its option.
        #expect(kind("", "showmount -e 10.0.0.40\nExport list for 10.0.0.40:\n/data/share 10.0.0.0/24\n").kind == .console)
    }

    @Test func assignmentsOnlyAShellWritesAreCommands() {
        #expect(kind("", "declare -A colors\ncolors[\"red\"]=\"#ff0000\"\ncolors[\"blue\"]=\"#0000ff\"\n").kind == .shell)
        #expect(kind("", "OLD_IFS=\"$IFS\"\nIFS=\":\"\nIFS=\"$OLD_IFS\"\n").kind == .shell)
        #expect(kind("", "LOGFILE=/tmp/output_log.$$\n").kind == .shell)
        // Plain settings are a file of settings, not commands.
        #expect(kind("", "JAVA_HOME=/usr/local/jdk-17\nSPRING_PROFILES_ACTIVE=prod\n").kind == .ini)
        #expect(kind("", "server-id = 2\nread_only = ON\n").kind == .ini)
    }

    @Test func helpTextTreesAndMountTablesAreNotScripts() {
        #expect(kind("", "iptables [-t table] {-A|-C|-D} chain rule-specification\niptables [-t table] -N chain\n"
            + "iptables [-t table] -X [chain]\n").kind == .other)
        #expect(kind("", "usage: node_exporter [<flags>]\n\nFlags:\n  -h, --help   Show help.\n").kind == .other)
        #expect(kind("", "/usr/local/nginx/\n├── conf\n│   └── nginx.conf\n└── sbin\n").kind == .other)
        #expect(kind("", "UUID=7c3f2a1e  /data  xfs  defaults,noatime  0 0\n").kind == .other)
        #expect(kind("", "/data/share 10.0.0.0/24(rw,sync,no_root_squash)\n").kind == .other)
        // `lsblk` and its tree of devices is a command and its output.
        #expect(kind("", "lsblk\nNAME   MAJ:MIN RM  SIZE RO TYPE MOUNTPOINT\nsda      8:0    0   50G  0 disk\n├─sda1   8:1    0    1G  0 part /boot\n└─sda2   8:2    0   49G  0 part\n").kind == .console)
        // A test is not a synopsis.
        #expect(kind("", "[ -d temp ] || mkdir temp\n").kind == .shell)
    }

    @Test func aConfFenceOfDirectivesIsNotINI() {
        #expect(kind("conf", "Port 2222\nPermitRootLogin no\nPasswordAuthentication no\n").kind == .other)
        #expect(kind("ini", "[kube_node]\nnode1\nnode2\n").kind == .ini)
        #expect(kind("ini", "server-id = 2\nread_only = ON\n").kind == .ini)
    }

    @Test func aBareFenceOfLongOptionsIsAFragmentOfACommand() {
        let flags = kind("", "--feature-gates=RotateKubeletServerCertificate=true\n--client-ca-file=/etc/kubernetes/ca.pem\n")
        #expect(flags.kind == .shell)
        // A YAML list is not.
        #expect(kind("", "- name: web\n  image: nginx\n").kind != .shell)
    }
    @Test func versionsLogLevelsAndJSONPrintedAfterACommandAreOutput() {
        #expect(kind("", "git version 2.41.0\n").kind == .output)
        #expect(kind("", "Warning [IST0103] (Pod shop/batch) The pod is missing the Istio proxy.\n").kind == .output)
        #expect(kind("", "time=\"2024-04-10T06:01:12Z\" level=error msg=\"Unable to obtain ACME certificate\"\n").kind == .output)
        #expect(kind("", "==> Saved consul-agent-ca.pem\n==> Saved consul-agent-ca-key.pem\n").kind == .output)
        let json = kind("", "curl -s localhost:8200/v1/secret/db | jq .data\n{\n  \"host\": \"10.0.0.21\"\n}\n")
        #expect(json.kind == .console)
        #expect(json.session?.script == "curl -s localhost:8200/v1/secret/db | jq .data\n")
        // A group of commands is still one.
        #expect(kind("", "cd /tmp\n{\n  echo a\n  echo b\n} > out.txt\n").kind == .shell)
        // A sentence that mentions a version is prose, not output.
        #expect(kind("", "kernel version 3.10.0-862 has a nat related bug that will affect ovs function\n").kind != .output)
    }

    @Test func aTableRowLedByAProgramsNameIsStillARow() {
        let table = kind("bash", "kubectl get svc -n monitoring\nNAME         TYPE        CLUSTER-IP    EXTERNAL-IP   PORT(S)    AGE\n"
            + "prometheus   ClusterIP   10.68.65.238  <none>        9090/TCP   75s\n")
        #expect(table.session?.script == "kubectl get svc -n monitoring\n")
    }

    @Test func programsNoLexiconKnowsAreCommandsWhenWrittenAsCommands() {
        #expect(kind("", "frobctl -q\nfrobctl --flush everything\nfrobctl status\n").kind == .shell)
        // Config directives take no options.
        #expect(kind("", "bind 0.0.0.0\nport 6379\ndaemonize yes\n").kind != .shell)
    }
    @Test func knownFileFormatsAreConfigNotCommandsOrOutput() {
        #expect(kind("shell", "30 2 * * * /usr/local/bin/backup.sh >/dev/null 2>&1\n").kind == .other)
        #expect(kind("", "*/5 * * * * /usr/sbin/ntpdate pool.ntp.org\n@reboot /opt/app/start.sh\n").kind == .other)
        #expect(kind("", "auth       required     pam_tally2.so deny=5 unlock_time=900\n").kind == .other)
        #expect(kind("", "*    soft    nofile    65535\n*    hard    nofile    65535\nnginx soft nproc 65535\n").kind == .other)
        #expect(kind("text", "Flask==2.3.3\ngunicorn==21.2.0\n").kind != .ini)
        #expect(kind("", "deny = 5\nunlock_time = 900\neven_deny_root\nroot_unlock_time = 900\n").kind == .ini)
    }

    @Test func labelsThatSayTheWrongLanguage() {
        #expect(kind("toml", "entryPoints:\n  web:\n    address: \":80\"\n").kind == .yaml)
        #expect(kind("toml", "[plugins]\n  sandbox_image = \"pause:3.9\"\n").kind == .toml)
        let heredoc = kind("yaml", "kubectl apply -f - <<EOF\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\nEOF\n")
        #expect(heredoc.kind == .shell)
        #expect(kind("json", "{\"level\":\"info\",\"msg\":\"created\"}\n...\n{\"level\":\"info\",\"msg\":\"saved\"}\n").kind == .output)
        #expect(kind("json", "{\"a\": 1}\n").kind == .json)
    }
    @Test func moreOfWhatProgramsPrint() {
        #expect(kind("", "Keepalived_vrrp[2331]: VRRP_Script(chk_gw) failed\nKeepalived_vrrp[2331]: Entering BACKUP STATE\n").kind == .output)
        #expect(kind("", "ts=2023-12-02T07:02:55Z caller=main.go:181 level=info msg=\"Resolving target\"\n").kind == .output)
        #expect(kind("", "2023-12-01 22:14:09.812 ERROR [main] c.x.Client - connect failed\njava.net.BindException: Cannot assign\n"
            + "\tat java.net.Socket.connect(Socket.java:607)\n\tat java.net.Socket.connect(Socket.java:556)\n").kind == .output)
        #expect(kind("", "serviceaccount/ci-deployer created\nrolebinding.rbac.authorization.k8s.io/ci-deployer created\n").kind == .output)
        #expect(kind("", "/etc/sudoers.d/dev: parsed OK\n").kind == .output)
        let answers = kind("sh", "kubectl auth can-i delete pods -n a\nno\nkubectl auth can-i get pods -n a\nyes\n")
        #expect(answers.session?.script == "kubectl auth can-i delete pods -n a\nkubectl auth can-i get pods -n a\n")
        #expect(kind("", "/opt/blackbox_exporter\n├── LICENSE\n└── blackbox.yml\n").kind == .other)
    }
    @Test func rowsVerboseLinesAndOneToolOnEveryLine() {
        #expect(kind("", "Node Overview|1843\nAPI Latency|622\n").kind == .output)
        #expect(kind("", "a1Bc9xQz\tAPI Latency\nFk29dLsa\tBlackbox Probes\n").kind == .output)
        #expect(kind("text", "192.168.1.1\thello.test.com\n192.168.1.1\ttraefik-ui.test.com\n").kind != .output)
        #expect(kind("", "* Connected to 10.20.1.15 (10.20.1.15) port 8081 (#0)\n* Connection #0 to host 10.20.1.15 left intact\n").kind == .output)
        #expect(kind("", "Defaults        logfile=/var/log/sudo.log\n%ops    ALL=(ALL)       ALL\n").kind == .other)
        #expect(kind("bash", "$ array=([2]=c [0]=a [1]=b)\n$ days=(Sun Mon Tue)\n").kind == .console)
        #expect(kind("ini", "grafana-cli plugins install grafana-piechart-panel\ngrafana-cli plugins ls\n").kind == .shell)
        // The same directive on every line is a config file.
        #expect(kind("", "server 0.pool.ntp.org iburst\nserver 1.pool.ntp.org iburst\n").kind != .shell)
    }
    @Test func sqlXMLBoxTablesAndProgramMessages() {
        #expect(kind("", "SELECT database, table\nFROM system.parts\nWHERE active;\n").kind == .other)
        #expect(kind("", "ALTER TABLE tracking.events DROP PARTITION 202212;\n").kind == .other)
        #expect(kind("xml", "<!-- data-path.xml -->\n<clickhouse>\n    <path>/data/clickhouse/</path>\n</clickhouse>\n").kind == .other)
        #expect(kind("", "┌─database─┬─table──┐\n│ tracking │ events │\n└──────────┴────────┘\n").kind == .output)
        #expect(kind("", "mdadm: Defaulting to version 1.2 metadata\nmdadm: array /dev/md0 started.\n").kind == .output)
        #expect(kind("bash", "[Wed Jul 12 03:14:22 2023] XFS (vdb1): Metadata corruption detected\n").kind == .output)
        // A YAML key named like a command is still YAML.
        #expect(kind("", "steps:\n  - name: test\n    run: make build test\n").kind == .yaml)
    }
    /// Look-alikes of the rules above that must stay what they are.
    @Test func commandsThatLookLikeOutputAndProseThatLooksLikeCommands() {
        #expect(kind("", "[ -d /data ] || mkdir -p /data\nid appuser || (useradd appuser && passwd appuser)\n").kind == .shell)
        #expect(kind("", "cd /var/log/app; for f in *.log; do\n  gzip \"$f\"\ndone\n").kind == .shell)
        #expect(kind("bash", "truncate -s 0 /var/log/nginx/*.log\nsystemctl reload nginx   # reopen files\n").kind == .shell)
        #expect(kind("conf", "rename-command FLUSHALL \"\"\nrename-command KEYS \"\"\n").kind == .other)
        #expect(kind("", "prometheus\n├── prometheus.yml\n└── rules\n").kind == .other)
        let es = kind("", "curl -s http://localhost:9200\n{\n  \"name\" : \"node-1\",\n  \"cluster_name\" : \"es\"\n}\n")
        #expect(es.kind == .console)
        #expect(es.session?.script == "curl -s http://localhost:9200\n")
    }

    @Test func reportsThatLookLikeSettingsAreOutput() {
        // `/proc/meminfo`: numbers padded to end in one column (YAML values are not padded).
        #expect(kind("", "MemTotal:       32779804 kB\nMemFree:          524112 kB\nBuffers:            2104 kB\nCached:         18291200 kB\n").kind == .output)
        // `ulimit`-style columns under a header of capitalised names.
        #expect(kind("", """
        Limit                     Soft Limit           Hard Limit           Units
        Max open files            1024                 4096                 files
        Max processes             127431               127431               processes
        """).kind == .output)
        // pt-query-digest marks every line with `#`: columns and rulers, not the author's notes.
        #expect(kind("", """
        # Attribute    total     min     max     avg
        # ============ ======= ======= ======= =======
        # Exec time      3500s     1ms     12s   200ms
        # Lock time        2s       0    10ms    20us
        # Rows sent      1.20M       0   9.77k   68.2
        """).kind == .output)
        // A CLI's help ends in `Use "… --help" for more information`.
        #expect(kind("", """
        Usage:
          velero backup create NAME [flags]

        Flags:
              --include-namespaces stringArray   namespaces to include in the backup

        Use "velero backup create --help" for more information about a command.
        """).kind != .shell)
    }

    @Test func directivesThatNameAProgramAreConfigNotCommands() {
        // kdump.conf: `core_collector makedumpfile -l …` is a setting whose value is a command line.
        let kdump = kind("", "path /var/crash\ncore_collector makedumpfile -l --message-level 1 -d 31\nfailure_action reboot\ndefault reboot\n")
        #expect(!kdump.kind.isShell)
    }

    @Test func aQuotedKeyWithAColonInItIsStillYAML() {
        let registries = kind("", """
        mirrors:
          "registry.lab.local:5000":
            endpoint:
              - "http://registry.lab.local:5000"
        """)
        #expect(registries.kind == .yaml)
    }

    @Test func anInventoryWithChildGroupsAndBareHostsIsINI() {
        let inventory = kind("", """
        [web]
        web01.prod.lab ansible_host=10.30.1.11
        web02.prod.lab

        [db]
        db01.prod.lab ansible_host=10.30.2.21 ansible_user=centos

        [prod:children]
        web
        db
        """)
        #expect(inventory.kind == .ini)
        // Words under a section, with no inventory in sight, are not made settings.
        #expect(kind("", "[notes]\nremember to rotate\nthe etcd certs\n").kind != .ini)
    }

    @Test func nameColonValueFieldsAreAReport() {
        // What `INFO`-style commands print: `name:value` words and nothing else.
        let info = kind("", "used_memory_human:7.91G\nmem_fragmentation_ratio:1.52\nmem_allocator:jemalloc-5.1.0\n")
        #expect(info.kind == .output)
        let alarms = kind("", "etcdctl alarm list\nmemberID:8e9e05c52164694d alarm:NOSPACE\n")
        #expect(alarms.kind == .console)
        #expect(alarms.session?.script == "etcdctl alarm list\n")
        // `scp` targets and image references are not fields.
        #expect(kind("", "scp backup.tar ops@node1:/data/\n").kind == .shell)
    }

    @Test func aPropertiesKeyMayStartWithADigit() {
        let zoo = kind("", "tickTime=2000\ndataDir=/data/zookeeper\nclientPort=2181\n4lw.commands.whitelist=srvr,mntr\nserver.1=10.70.0.21:2888:3888\n")
        #expect(zoo.kind == .ini)
        // A line that only a shell would write makes it a script.
        #expect(kind("", "ETCD_NAME=etcd-01\nPATH=$PATH:/opt/etcd/bin\n").kind == .shell)
    }

    @Test func aCommandIsReadWholeAcrossItsContinuationsAndQuotes() {
        // A program the lexicon lacks, its options on `\`-continued lines.
        let long = kind("", "gh-ost \\\n  --host=10.40.2.16 \\\n  --table=orders \\\n  --alter=\"ADD COLUMN x INT\" \\\n  --execute\n")
        #expect(long.kind == .shell)
        // A request body in quotes that spans lines, opened by `'{`.
        let body = kind("", "curl -s -XPUT 'localhost:9200/_cluster/settings' -H 'Content-Type: application/json' -d '{\n  \"transient\": {\n    \"indices.recovery.max_bytes_per_sec\": \"200mb\"\n  }\n}'\n")
        #expect(body.kind == .shell)
    }
}
