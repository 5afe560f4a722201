// Small facts about shell text that classification and prompt stripping share:
// which first words are commands, where quotes are left open, where heredocs start.

import Foundation

package enum ShellWords {
    /// Commands ops notes run; a line starting with one of these is a command line.
    package static let commands: Set<String> = [
        "kubectl", "kubeadm", "kubelet", "kube-apiserver", "kube-proxy", "helm", "docker", "dockerd", "podman",
        "crictl", "ctr", "nerdctl", "containerd", "runc", "buildah", "skopeo", "etcdctl", "etcdutl", "calicoctl",
        "cilium", "istioctl", "kustomize", "minikube", "kind", "k3s", "ezctl", "ezdown", "ansible",
        "ansible-playbook", "ansible-galaxy", "terraform", "vagrant", "virsh", "systemctl", "journalctl", "service",
        "chkconfig", "sysctl", "modprobe", "lsmod", "insmod", "swapoff", "swapon", "mount", "umount", "ip", "ipvsadm",
        "iptables", "ip6tables", "iptables-save", "nft", "firewall-cmd", "ufw", "ifconfig", "route", "ss", "netstat",
        "ping", "traceroute", "dig", "nslookup", "host", "curl", "wget", "scp", "ssh", "ssh-keygen", "ssh-copy-id",
        "rsync", "nc", "telnet", "tcpdump", "openssl", "cfssl", "cfssljson", "yum", "dnf", "rpm", "apt", "apt-get",
        "apt-key", "dpkg", "apk", "zypper", "pip", "pip3", "npm", "go", "make", "git", "cat", "echo", "printf", "ls",
        "ll", "cd", "pwd", "mkdir", "rmdir", "rm", "cp", "mv", "ln", "touch", "chmod", "chown", "chgrp", "tar",
        "unzip", "zip", "gzip", "gunzip", "xz", "sed", "awk", "grep", "egrep", "find", "xargs", "sort", "uniq",
        "head", "tail", "less", "more", "wc", "tee", "cut", "tr", "diff", "export", "source", "set", "unset", "alias",
        "env", "sudo", "su", "bash", "sh", "zsh", "exec", "eval", "nohup", "watch", "kill", "pkill", "killall", "ps",
        "top", "htop", "free", "df", "du", "lsblk", "blkid", "fdisk", "parted", "mkfs.xfs", "mkfs.ext4", "pvcreate",
        "vgcreate", "lvcreate", "hostnamectl", "timedatectl", "date", "ntpdate", "chronyc", "useradd", "usermod",
        "groupadd", "passwd", "id", "whoami", "uname", "hostname", "getenforce", "setenforce", "reboot", "shutdown",
        "crontab", "base64", "md5sum", "sha256sum", "jq", "yq", "envsubst", "vi", "vim", "nano", "emacs", "history",
        "which", "type", "test", "true", "false", "sleep", "for", "while", "if", "until", "case", "function",
        "readonly", "local", "declare", "ulimit", "lsof", "strace", "dmesg", "update-grub", "grub2-mkconfig",
        "update-alternatives", "locale", "localectl", "python", "python3", "java", "node", "nginx", "mysql", "psql",
        "redis-cli", "keytool", "htpasswd", "velero", "argocd", "flux", "linkerd", "mc", "s3cmd", "aws", "az",
        "gcloud", "eksctl", "kubens", "kubectx", "k9s", "stern", "packer", "consul", "vault", "nomad", "install",
        "groupdel", "userdel", "ipset", "conntrack", "ethtool", "brctl", "bridge", "arp", "wrk", "ab", "hey",
        "stress", "fio", "iperf", "iperf3", "mtr", "nmap", "chattr", "lsattr", "setfacl", "getfacl", "yes", "seq",
        "tac", "nl", "basename", "dirname", "realpath", "readlink", "stat", "file", "sync", "cfssl-certinfo", "dk",
        "openstack", "ansible-inventory", "multipass", "lxc", "kubespray", "virtualenv", "hubble", "crane", "oras",
        "cosign", "trivy", "kubeseal", "kube-bench", "sonobuoy", "tree", "exit", "logout", "clear", "wait", "trap",
        "pushd", "popd", "dirs", "jobs", "fg", "bg", "read", "let", "shift", "return", "umask", "chroot", "tmux",
        "screen", "lvs", "vgs", "pvs", "lvextend", "xfs_growfs", "resize2fs", "systemd-analyze", "loginctl", "ntpq",
        "nmcli", "ip6tables-save", "iptables-restore", "cfssl-json", "bzip2", "7z", "rar", "unrar", "column", "paste",
        "join", "split", "comm", "fmt", "fold", "expand", "od", "xxd", "hexdump", "strings", "shred", "dd", "sfdisk",
        "mkswap", "tune2fs", "e2fsck", "fsck", "quota", "last", "w", "who", "users", "groups", "finger", "write",
        "wall", "mesg", "lpr", "at", "batch", "crond", "anacron", "logrotate", "rsyslogd", "time", "timeout",
        "nice", "renice", "ionice", "taskset", "chrt", "pgrep", "pidof", "fuser", "vmstat", "iostat", "mpstat",
        "sar", "pidstat", "iotop", "nethogs", "iftop", "dstat", "glances", "lscpu", "lspci", "lsusb", "dmidecode",
        "hdparm", "smartctl", "sensors", "mktemp", "shopt", "bind", "complete", "compgen", "printenv", "caller",
        "getopts", "mapfile", "readarray", "disown", "suspend", "command", "builtin", "enable", "hash", "help",
    ]

    package static let editors: Set<String> = ["vi", "vim", "nano", "emacs", "nvim", "gedit"]

    /// Command words that are also everyday English (`# if set 'false', …`, `# install the CLI`):
    /// not enough on their own to read a `# …` line as a root prompt.
    package static let proseWords: Set<String> = [
        "if", "for", "while", "until", "case", "function", "set", "type", "test", "true", "false", "yes", "install",
        "host", "file", "id", "date", "watch", "top", "more", "less", "make", "source", "alias", "local", "env",
        "go", "service", "history", "sync", "stat", "free", "time", "which", "declare", "readonly", "exec", "eval",
        "cut", "join", "diff", "bridge",
    ]

    /// The first word of a command line (after `sudo`, `VAR=value` prefixes), lower-cased.
    package static func commandWord(_ line: Substring) -> Substring? {
        var rest = line.drop { $0 == " " || $0 == "\t" }
        while true {
            let word = rest.prefix { $0 != " " && $0 != "\t" && $0 != ";" }
            guard !word.isEmpty else { return nil }
            if word == "sudo" || (word.contains("=") && !word.hasPrefix("=") && word.first?.isLetter == true) {
                rest = rest.dropFirst(word.count).drop { $0 == " " || $0 == "\t" }
                continue
            }
            return word
        }
    }

    /// Words that open and close compound commands, for telling a script's `else`, `fi` and
    /// `esac` (and everything between `if` and `fi`) from output printed after a command.
    package static let openers: Set<Substring> = ["if", "for", "while", "until", "case", "select", "function"]
    package static let closers: Set<Substring> = ["fi", "done", "esac"]
    package static let keywords: Set<Substring> = ["then", "else", "elif", "do", "in", "{", "}", "!", "[[", "[", ";;", "(", ")"]

    /// How a line changes the nesting of compound commands (`if …` +1, `fi` −1, `f() {` +1, `}` −1).
    package static func nesting(_ line: Substring) -> Int {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ";" })
        var depth = 0
        for (i, word) in words.enumerated() {
            if word.hasPrefix("#") { break }
            if i == 0 || words[i - 1] == "then" || words[i - 1] == "do" || words[i - 1] == "else" || words[i - 1].hasSuffix("&&") {
                if openers.contains(word) { depth += 1 }
            }
            if closers.contains(word) { depth -= 1 }
            // `f() {` and `f(){` open a body once: the `{` word or the glued `(){`.
            if word == "{" || word.hasSuffix("(){") { depth += 1 }
            if word == "}" { depth -= 1 }
        }
        return depth
    }

    /// Shell grammar rather than a command: `then`, `fi`, `esac`, `}`, `name() {`, a case
    /// pattern `Linux) echo …`, a `;;` arm end. Only for telling a script from output.
    package static func looksLikeShellSyntax(_ line: Substring) -> Bool {
        guard let word = commandWord(line) else { return false }
        if keywords.contains(word) || closers.contains(word) || openers.contains(word) { return true }
        let trimmed = line.trimmedBlanks
        if trimmed.hasSuffix(";;") || trimmed.hasSuffix("() {") || trimmed.hasSuffix("(){") || trimmed.hasSuffix("()") { return true }
        if let paren = word.firstIndex(of: ")"), paren == word.index(before: word.endIndex), !word.contains("("),
           trimmed.count > word.count { return true }
        return false
    }

    /// A line whose first word is a known command, a path to a program, or shell syntax.
    package static func looksLikeCommand(_ line: Substring) -> Bool {
        guard let word = commandWord(line) else { return false }
        if commands.contains(String(word)) { return true }

        if line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("sudo ") { return true }
        // A program by its path: `/sbin/iptables`, `/usr/local/bin/helm`.
        if word.hasPrefix("/"), let name = word.split(separator: "/").last, commands.contains(String(name)) { return true }
        if word.hasSuffix(".sh") && word.count > 3 && !word.contains(":") { return true }  // calicoctl.sh node status
        if word.hasPrefix("./") || word.hasPrefix("/usr/") || word.hasPrefix("/opt/") || word.hasPrefix("/bin/")
            || word.hasPrefix("/sbin/") || word.hasPrefix("/etc/init.d/") || word.hasPrefix("~/") || word.hasPrefix("$(") || word.hasPrefix("${")
        {
            return true
        }
        let trimmed = line.drop { $0 == " " }
        if let eq = trimmed.firstIndex(of: "="), trimmed[..<eq].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }),
           trimmed.first?.isLetter == true, !trimmed[..<eq].isEmpty
        {
            return true  // VAR=value
        }
        return false
    }

    /// Quote state after a line: nil when balanced, else the open quote character.
    package static func openQuote(after line: Substring, startingIn open: Character?) -> Character? {
        var quote = open
        var escaped = false
        var previous: Character = " "
        for ch in line {
            if escaped { escaped = false; previous = ch; continue }
            switch quote {
            case nil:
                if ch == "\\" { escaped = true } else if ch == "#" && (previous == " " || previous == "\t") { return nil }
                else if ch == "'" || ch == "\"" { quote = ch }
            case "'":
                if ch == "'" { quote = nil }
            default:
                if ch == "\\" { escaped = true } else if ch == "\"" { quote = nil }
            }
            previous = ch
        }
        return quote
    }

    /// The delimiter of a heredoc started on this line (`<<EOF`, `<<-'EOF'`, `<< "END"`), and
    /// whether leading tabs are stripped (`<<-`).
    package static func heredocDelimiter(in line: Substring) -> (String, Bool)? {
        var search = line[...]
        while let range = search.range(of: "<<") {
            var rest = search[range.upperBound...]
            if rest.hasPrefix("<") { search = rest.dropFirst(); continue }  // here-string <<<
            var dash = false
            if rest.hasPrefix("-") { dash = true; rest = rest.dropFirst() }
            rest = rest.drop { $0 == " " }
            var quote: Character?
            if let first = rest.first, first == "'" || first == "\"" { quote = first; rest = rest.dropFirst() }
            let word = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
            if !word.isEmpty {
                if let quote, rest.dropFirst(word.count).first != quote { return nil }
                return (String(word), dash)
            }
            search = rest
        }
        return nil
    }

    /// `\` at the very end of a line continues the command.
    package static func continues(_ line: Substring) -> Bool {
        var count = 0
        for ch in line.reversed() { if ch == "\\" { count += 1 } else { break } }
        return count % 2 == 1
    }
}


extension StringProtocol {
    /// Spaces and tabs trimmed from both ends, without Foundation (this runs for every line
    /// of every block; `trimmingCharacters(in:)` bridges through NSString).
    package var trimmedBlanks: Substring {
        var s = self[...]
        while let first = s.first, first == " " || first == "\t" { s = s.dropFirst() }
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return Substring(s)
    }
}
