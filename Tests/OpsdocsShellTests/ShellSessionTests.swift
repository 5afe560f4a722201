// Console transcripts become scripts: prompts go, output goes, multi-line commands stay whole.

import Testing
@testable import OpsdocsShell

@Suite struct ShellSessionTests {
    private func script(_ code: String) -> String { ShellSession.readPrompted(code).script }

    @Test func rootPromptsWithHostAndOutput() {
        let code = """
        [root@master-01 ~]# kubeadm certs check-expiration
        CERTIFICATE   EXPIRES                  RESIDUAL TIME
        apiserver     May 20, 2025 08:00 UTC   179d
        [root@master-01 ~]# kubeadm certs renew all
        """
        #expect(script(code) == "kubeadm certs check-expiration\nkubeadm certs renew all\n")
    }

    @Test func everyPromptStyle() {
        let code = """
        $ kubectl get nodes
        root@node-01:~# systemctl restart kubelet
        ops@bastion:/etc/kubernetes$ ls
        ➜  ~ docker ps
        ➜  kubeasz git:(master) ✗ ./ezctl list
        bash-4.2# cat /etc/os-release
        (venv) $ pip install ansible
        node1:~ # zypper refresh
        """
        #expect(script(code) == """
            kubectl get nodes
            systemctl restart kubelet
            ls
            docker ps
            ./ezctl list
            cat /etc/os-release
            pip install ansible
            zypper refresh

            """)
    }

    @Test func continuationQuotesAndHeredocsStayWithTheirCommand() {
        let code = """
        $ kubeadm join 10.0.0.1:6443 --token abc \\
            --discovery-token-ca-cert-hash sha256:123
        This node has joined the cluster.
        $ cat <<EOF | sudo tee /etc/modules-load.d/k8s.conf
        > overlay
        > br_netfilter
        > EOF
        overlay
        br_netfilter
        $ echo 'multi
        line'
        multi
        """
        #expect(script(code) == """
            kubeadm join 10.0.0.1:6443 --token abc \\
                --discovery-token-ca-cert-hash sha256:123
            cat <<EOF | sudo tee /etc/modules-load.d/k8s.conf
            overlay
            br_netfilter
            EOF
            echo 'multi
            line'

            """)
    }

    @Test func rootPromptIsToldFromAComment() {
        // `#` as the root prompt: commands are stripped, prose comments are kept as comments.
        let root = "# 查看模块\n# lsmod | grep br_netfilter\nbr_netfilter   36864  0\n# sysctl -p\n"
        #expect(ShellSession.isTranscript(root))
        #expect(script(root) == "# 查看模块\nlsmod | grep br_netfilter\nsysctl -p\n")
        // With `$` prompts, `#` lines are comments.
        let dollar = "# list the pods\n$ kubectl get pods\nNAME READY\n"
        #expect(script(dollar) == "# list the pods\nkubectl get pods\n")
        // A shell script with comments is not a transcript.
        #expect(!ShellSession.isTranscript("# 安装 docker\nyum install -y docker\n# if set 'false', keep\n"))
        #expect(!ShellSession.isTranscript("# if set 'false', you need to put certs\nHARBOR_TLS_PORT: 8443\n"))
    }

    @Test func aCommandNamedLikeAWordIsARootPromptWhenItsOutputFollows() {
        let code = "# id deploy\nuid=1204(deploy) gid=1204(deploy) groups=1204(deploy),10(wheel)\n# getent passwd deploy\ndeploy:*:1204:1204::/home/deploy:/bin/bash\n"
        #expect(script(code) == "id deploy\ngetent passwd deploy\n")
        // With nothing printed under it, `# free space first` stays the author's comment.
        #expect(script("# free space first\n# df -h /var\n") == "# free space first\ndf -h /var\n")
    }

    @Test func commentsThatLeadToOutputWerePrinted() {
        // A `#` run under a command that leads to more output, not to the next prompt, is what the
        // command printed (a status header, a plan's resource lines).
        let status = """
        $ echo status | nc -U /tmp/migrate.sock
        # Migrating `shop`.`orders`; ghost table is `shop`.`_orders_gho`
        # serving on unix socket: /tmp/migrate.sock
        Copy: 2400000/4210563 57.0%; Applied: 3120; Backlog: 0/1000
        $ echo throttle | nc -U /tmp/migrate.sock
        """
        #expect(script(status) == "echo status | nc -U /tmp/migrate.sock\necho throttle | nc -U /tmp/migrate.sock\n")
        let plan = """
        $ terraform plan
          # aws_instance.web will be destroyed
          - resource "aws_instance" "web" {
            }

          # aws_instance.api will be created
          + resource "aws_instance" "api" {
            }
        """
        #expect(script(plan) == "terraform plan\n")
        // A comment that leads to a prompt is the author's, and so is one in Chinese.
        let kept = "$ kubectl create ns web\n# now the pods\n$ kubectl -n web get pods\n"
        #expect(script(kept) == "kubectl create ns web\n# now the pods\nkubectl -n web get pods\n")
        let chinese = "$ hostname\n# 主机名\nnode-01\n"
        #expect(script(chinese) == "hostname\n# 主机名\n")
    }

    @Test func editorSessionIsNotCommands() {
        let transcript = ShellSession.readPrompted("$ vim /etc/docker/daemon.json\n{\n  \"log-driver\": \"json-file\"\n}\n$ systemctl restart docker\n")
        #expect(transcript.script == "vim /etc/docker/daemon.json\nsystemctl restart docker\n")
        #expect(transcript.opensEditor)
    }

    @Test func withoutPromptsWhatFollowsAnEditorIsTheFileTypedIntoIt() {
        // The file's lines are typed into vim, up to the author's comment or a command again.
        let code = "vim /etc/apt/sources.list.d/ubuntu.sources\n\nTypes: deb\nURIs: https://mirrors.tuna.tsinghua.edu.cn/ubuntu/\n"
            + "Suites: noble noble-updates\n# 更新索引\napt update\n"
        let session = ShellSession.read(code)
        #expect(session.script == "vim /etc/apt/sources.list.d/ubuntu.sources\n# 更新索引\napt update\n")
        #expect(!session.hasOutput)
        #expect(session.lines[2].role == .editorText)
        // Commands after a save and quit are commands (`./prepare` too, though no lexicon knows it).
        let harbor = "# 修改配置\n vim harbor.yml\n# 执行 ./prepare\n ./prepare\n docker-compose up -d\n"
        #expect(ShellSession.read(harbor).script == harbor)
    }

    @Test func aPathAloneWithAColonHeadsWhatACommandFound() {
        // `mdadm -D` prints `/dev/md0:` and then its report: no program's path ends in a colon.
        let code = "mdadm -D /dev/md0\n/dev/md0:\n           Version : 1.2\n     Creation Time : Mon Mar  4 10:12:01 2024\n"
        #expect(ShellSession.read(code).script == "mdadm -D /dev/md0\n")
    }

    @Test func sourceLinesMapScriptLinesBackToTheBlock() {
        let transcript = ShellSession.readPrompted("$ a \\\n  b\noutput\n$ c\n")
        #expect(transcript.scriptLineIndices == [0, 1, 3])
    }

    @Test func whatCatPrintsAndWhatFollowsOutputIsNotAComment() {
        let cat = "$ cat /etc/chrony.conf\n# Use public servers\n\n# Record the rate\nserver ntp.aliyun.com iburst\n$ systemctl restart chronyd\n"
        #expect(script(cat) == "cat /etc/chrony.conf\nsystemctl restart chronyd\n")
        let diff = "$ diff -U 5 a.yaml b.yaml\n@@ -1,3 +1,3 @@\n   # The default IPv4 pool\n$ kubectl apply -f b.yaml\n"
        #expect(script(diff) == "diff -U 5 a.yaml b.yaml\nkubectl apply -f b.yaml\n")
        // An author's comment after a blank line still is one.
        let comment = "$ kubectl get pods\nNAME   READY\n\n# now scale it\n$ kubectl scale deploy/web --replicas=3\n"
        #expect(script(comment) == "kubectl get pods\n\n# now scale it\nkubectl scale deploy/web --replicas=3\n")
    }

    @Test func aBracketPromptThatLostItsMark() {
        #expect(script("[root@k8s-01 work] kubectl get pods\n") == "kubectl get pods\n")
    }

    @Test func anEmptyPromptSeparatesCommands() {
        #expect(script("$ kubectl get runtimeclass\n$\n$ cat nginx.yaml\n") == "kubectl get runtimeclass\n\ncat nginx.yaml\n")
    }

    @Test func rootPromptsFollowedByOutputAfterABareCommand() {
        let code = "kubectl run web --image=nginx --port=80\n# kubectl get deploy web\nNAME   READY   UP-TO-DATE\nweb    1/1     1\n"
        #expect(ShellSession.isTranscript(code))
        #expect(ShellSession.read(code).script == "kubectl run web --image=nginx --port=80\nkubectl get deploy web\n")
    }

    @Test func outputWithoutPromptsByItsShape() {
        // A table row whose first word is a command's name, and words that are not a command.
        let table = "# From the CLI\nkubectl get subnet\njoin          IPv4       100.64.0.0/16   false     false\n"
        #expect(ShellSession.read(table).script == "# From the CLI\nkubectl get subnet\n")
        let created = "kubectl run test --image=busybox -- tail -f /dev/null\nreplicationcontroller \"test\" created\n"
        #expect(ShellSession.read(created).script == "kubectl run test --image=busybox -- tail -f /dev/null\n")
    }

    @Test func aCaptionOverOutputGoesWithItButACommentOverFileContentStays() {
        let captioned = "kubectl get svc -n istio-system\n\n# default 配置时\nNAME          TYPE        CLUSTER-IP\nistio-pilot   ClusterIP   10.68.252.143\n"
        #expect(ShellSession.read(captioned).script == "kubectl get svc -n istio-system\n")
        let expected = "etcdctl endpoint health\n# 预期结果\nhttps://192.168.1.1:2379 is healthy: successfully committed proposal\n"
        #expect(ShellSession.read(expected).script == "etcdctl endpoint health\n")
        let manifest = "$ kubectl run web --image=nginx --expose --port 80\n\n# 创建网络策略\nkind: NetworkPolicy\nmetadata:\n  name: web\n"
        #expect(ShellSession.read(manifest).script == "kubectl run web --image=nginx --expose --port 80\n\n# 创建网络策略\n")
    }

    @Test func chineseProseAmongCommandsIsACaptionNotOutput() {
        let code = "sudo lvcreate -n lv_app -L 50G vg_data  # 创建逻辑卷\nsudo lvs\n可选参数：\n● -l 100%FREE：使用全部剩余空间\n"
        let session = ShellSession.read(code)
        #expect(session.script == "sudo lvcreate -n lv_app -L 50G vg_data  # 创建逻辑卷\nsudo lvs\n")
        #expect(!session.hasOutput)
        #expect(session.lines[2].role == .caption)
    }

    @Test func aLoopAtTheEndOfAPipelineHoldsItsBody() {
        let code = "grep -lR someVar | while IFS= read -r file; do\n    head \"$file\"\ndone\n"
        #expect(ShellSession.readUnprompted(code) == nil)
    }

    @Test func anArithmeticShiftIsNoHeredoc() {
        #expect(ShellSession.read("$ echo $((16<<2))\n64\n").script == "echo $((16<<2))\n")
    }

    @Test func anArrayWrittenOverSeveralLinesIsOneCommand() {
        let code = "ARRAY=(value1 value2)\n\nARRAY=(\n  value1\n  value2\n)\necho ${ARRAY[0]}\nvalue1\n"
        #expect(ShellSession.read(code).script == "ARRAY=(value1 value2)\n\nARRAY=(\n  value1\n  value2\n)\necho ${ARRAY[0]}\n")
    }

    @Test func aStandInCommandIsACommandToFillInNotOutput() {
        let code = "set +e\ncommand1\ncommand2\nset -e\n"
        #expect(ShellSession.readUnprompted(code) == nil)  // every line is part of the script
    }

    @Test func aCommandUnderACommentNeedsNoPrompt() {
        let code = "# use virtualenv\nVENVDIR=venv\n$ virtualenv $VENVDIR\n$ vagrant up\n\n# NOTE: upgrade\n\nansible-playbook -b upgrade-cluster.yml\n$ kubectl get node\n"
        #expect(ShellSession.read(code).script == "# use virtualenv\nVENVDIR=venv\nvirtualenv $VENVDIR\nvagrant up\n\n# NOTE: upgrade\n\nansible-playbook -b upgrade-cluster.yml\nkubectl get node\n")
    }

    @Test func aLoopClosedOnAContinuedLineEndsThere() {
        let code = "for ip in ${NODE_IPS}; do\n  etcdctl \\\n  --endpoints=https://${ip}:2379 \\\n  endpoint health; done\n\nhttps://192.168.1.1:2379 is healthy: successfully committed proposal\n"
        #expect(ShellSession.read(code).script == "for ip in ${NODE_IPS}; do\n  etcdctl \\\n  --endpoints=https://${ip}:2379 \\\n  endpoint health; done\n")
    }

    @Test func inputToAnotherProgramIsNotInTheScript() {
        let session = ShellSession.read("$ redis-cli\n127.0.0.1:6379> get key\n\"value\"\n$ exit\n")
        #expect(session.script == "redis-cli\nexit\n")
        #expect(session.lines[1].role == .foreignInput)
        #expect(session.lines[2].role == .output)
    }

    @Test func anUnclosedQuoteDoesNotSwallowTheNextPrompt() {
        #expect(script("$ echo it's\n$ echo $'it\\'s'\n") == "echo it's\necho $'it\\'s'\n")
    }

    @Test func theAssignmentsCatPrintsAreTheFile() {
        let code = "cat /run/flannel/subnet.env\nFLANNEL_NETWORK=10.233.0.0/18\nFLANNEL_MTU=1450\n"
        #expect(ShellSession.read(code).script == "cat /run/flannel/subnet.env\n")
        // Assignments under any other command are commands.
        #expect(ShellSession.readUnprompted("cd /opt\nVERSION=1.2\n") == nil)
    }
    @Test func aSentenceInAHashLineIsACommentEvenAmongRootPrompts() {
        let yum = "# yum install -y nginx\nComplete!\n# pass -y next time to skip the prompt\n# systemctl start nginx\n"
        #expect(ShellSession.read(yum).script == "yum install -y nginx\nsystemctl start nginx\n")
        let etcd = "# systemctl status etcd\nactive (running)\n# etcd keeps its data in /var/lib/etcd\n# re-run the profile step if it fails\n# ls /var/lib/etcd\n"
        #expect(ShellSession.read(etcd).script == "systemctl status etcd\nls /var/lib/etcd\n")
    }

    @Test func aPlainLineAfterAQuietCommandIsTheNextCommand() {
        // `source`, an install, a redirection print nothing an author pastes: the tools the
        // lexicon does not know (`nvm`, `percona-release`) are commands, not output.
        let nvm = "curl -o- https://example.com/install.sh | bash\nsource ~/.bashrc\nnvm install 20\nnvm alias default 20\n"
        #expect(ShellSession.readUnprompted(nvm) == nil, "every line is part of the script")
        let repo = "yum install -y https://repo.percona.com/percona-release-latest.noarch.rpm\npercona-release enable-only tools release\n"
        #expect(ShellSession.readUnprompted(repo) == nil)
        // After a command that prints, the same kind of line is its answer.
        #expect(ShellSession.read("systemctl is-system-running\nrunning\n").script == "systemctl is-system-running\n")
    }

    @Test func aCommentLineInsideAContinuationStaysWithTheCommand() {
        let code = "mqadmin resetOffsetByTime -n 10.0.0.1:9876 -g cg_order \\\n  # 时间戳毫秒\n  -s \"2024-06-03#15:00:00:000\"\n"
        #expect(ShellSession.read(code).script == code)
    }

    @Test func whatAProgramsCatPrintsIsTheFile() {
        let unit = "$ systemctl cat pm2-deploy\n# /etc/systemd/system/pm2-deploy.service\n[Unit]\nDescription=PM2\n"
        #expect(script(unit) == "systemctl cat pm2-deploy\n")
        let cron = "$ crontab -l\n# m h dom mon dow command\n0 2 * * * /opt/backup.sh\n"
        #expect(script(cron) == "crontab -l\n")
    }

    @Test func aProgramDebianShipsIsACommandWhateverTheBuildHostHas() {
        // (`resolvectl` and `setsebool` are not on a minimal build host; the lexicon has them from
        // Debian's package index, and English words like `running` it leaves out)
        #expect(ShellSession.readUnprompted("ip route\nresolvectl status eno1\n") == nil)
        #expect(ShellSession.readUnprompted("getsebool -a | grep httpd\nsetsebool -P httpd_can_network_connect on\n") == nil)
        #expect(ShellSession.read("systemctl is-active nginx\nactive\n").script == "systemctl is-active nginx\n")
    }

    @Test func aProgramInABinFolderIsACommand() {
        #expect(ShellWords.looksLikeCommand("/root/bin/mkovpn alice > /root/clients/alice.ovpn"))
        #expect(!ShellWords.looksLikeCommand("/etc/openvpn/server.conf"))
    }

    @Test func accessAndAuditLogLinesAreOutput() {
        let access = "tail -2 /var/log/nginx/access.log\n45.95.147.236 - - [04/Jun/2024:03:12:44 +0800] \"GET /.env HTTP/1.1\" 404 153 \"-\" \"zgrab\"\n"
        #expect(ShellSession.read(access).script == "tail -2 /var/log/nginx/access.log\n")
        let audit = "ausearch -k identity -i\ntype=PROCTITLE msg=audit(05/21/2024 10:41:07.231:2241) : proctitle=passwd deploy\n"
        #expect(ShellSession.read(audit).script == "ausearch -k identity -i\n")
    }

    // A command, then what it printed, no prompt: the script keeps the command only.
    /// What a shell block without prompts publishes: commands, their output dropped.
    private func unprompted(_ code: String) -> String {
        (ShellSession.readUnprompted(code) ?? ShellSession.script(code)).script
    }


    @Test func aProgramsOwnFirstLineIsOutputThoughItStartsWithACommandsName() {
        // dmesg stamps, `top`'s uptime line, a diff's headers: their first word is a program too.
        #expect(unprompted("""
        dmesg | tail -2
        [ 1722.301254] sysrq: Show Blocked State
        [ 1722.301301] task:kworker/0:1     state:D stack:0
        """) == "dmesg | tail -2\n")
        #expect(unprompted("""
        top -bn1 | head -1
        top - 09:12:44 up 44 days,  3:02,  1 user,  load average: 0.15, 0.10, 0.09
        """) == "top -bn1 | head -1\n")
        #expect(unprompted("""
        git diff HEAD~1 -- values.yaml
        diff --git a/values.yaml b/values.yaml
        index 3f2a1c4..8b9d0e7 100644
        @@ -20,4 +20,4 @@ replicaCount
        """) == "git diff HEAD~1 -- values.yaml\n")
    }

    @Test func aTestIsACommandOnlyWhenItClosesWithABracket() {
        let code = "[ -f /etc/kubernetes/admin.conf ] && echo ok\n[[ -d /var/lib/etcd ]] || mkdir -p /var/lib/etcd\n"
        #expect(unprompted(code) == code)
    }

    @Test func aNameAndAValueOfWordsIsWhatAProgramPrinted() {
        // `openssl x509 -dates` prints `notBefore=…`: an assignment would need a program after it.
        #expect(unprompted("""
        openssl x509 -in /etc/kubernetes/pki/ca.crt -noout -dates
        notBefore=Nov 22 01:31:50 2023 GMT
        notAfter=Nov 19 01:31:50 2033 GMT
        """) == "openssl x509 -in /etc/kubernetes/pki/ca.crt -noout -dates\n")
        let prefixed = "KUBECONFIG=/etc/kubernetes/admin.conf kubectl get nodes\nLANG=C date\n"
        #expect(unprompted(prefixed) == prefixed)
    }

    @Test func aQuotedValueWithSpacesIsAShellAssignment() {
        let code = """
        myvar="hello world"
        echo "$myvar"
        JAVA_OPTS="-Xms2g -Xmx2g \\
          -XX:+UseG1GC"
        export JAVA_OPTS

        """
        #expect(unprompted(code) == code)
    }

    @Test func toolsNamedForWhatTheyControlAreCommands() {
        // `*ctl`, `*adm`, `*-cli`: the lexicon need not know every one.
        #expect(unprompted("""
        karmadactl get clusters
        NAME      VERSION   MODE   READY   AGE
        member1   v1.27.3   Push   True    12d
        """) == "karmadactl get clusters\n")
    }

    @Test func textTypedIntoAnEditSubCommandIsDropped() {
        #expect(unprompted("""
        kubectl -n kube-system edit cm coredns
            forward . 223.5.5.5 {
               max_concurrent 1000
            }
        kubectl -n kube-system rollout restart deploy coredns
        """) == "kubectl -n kube-system edit cm coredns\nkubectl -n kube-system rollout restart deploy coredns\n")
        #expect(unprompted("crontab -e\n0 2 * * * /opt/backup/etcd-backup.sh\n") == "crontab -e\n")
    }

    @Test func whatJqPrintsIsOutput() {
        #expect(unprompted("""
        kubectl get node node-01 -o json | jq '.status.capacity'
        {
          "cpu": "8",
          "memory": "32779804Ki"
        }
        """) == "kubectl get node node-01 -o json | jq '.status.capacity'\n")
    }

    @Test func rowsTablesAndRecordsThatProgramsPrint() {
        // ipmitool's cells between ` | `, conntrack's records, smartctl's banner, a two-column
        // listing whose second column is a time, an error chained by colons.
        #expect(unprompted("""
        ipmitool sdr type Temperature
        Inlet Temp       | 04h | ok  |  7.1 | 23 degrees C
        Exhaust Temp     | 01h | ok  |  7.1 | 38 degrees C
        """) == "ipmitool sdr type Temperature\n")
        #expect(unprompted("""
        conntrack -L | head -1
        tcp      6 431998 ESTABLISHED src=198.51.100.23 dst=10.0.0.5 sport=52144 dport=443 mark=0 use=1
        """) == "conntrack -L | head -1\n")
        #expect(unprompted("""
        smartctl -a /dev/sda
        smartctl 7.0 2018-12-30 r4883 [x86_64-linux-3.10.0-1160.el7.x86_64] (local build)
        """) == "smartctl -a /dev/sda\n")
        #expect(unprompted("""
        kubectl get crd | grep cert-manager
        certificates.cert-manager.io   2023-11-22T01:20:33Z
        issuers.cert-manager.io        2023-11-22T01:20:33Z
        """) == "kubectl get crd | grep cert-manager\n")
        #expect(unprompted("""
        kubectl apply -f mysql-sts.yaml
        The StatefulSet "mysql" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas' are forbidden
        """) == "kubectl apply -f mysql-sts.yaml\n")
    }

    @Test func aVersionLineDoesNotMakeAHashTranscriptAScript() {
        // `# docker --version` over its answer: a root prompt, since the line under it is printed.
        #expect(ShellSession.read("""
        # docker --version
        Docker version 24.0.7, build afdd53b
        # containerd --version
        containerd containerd.io 1.6.26 3dd1e886e55dd695541fdcd67420c2888645a495
        """).script == "docker --version\ncontainerd --version\n")
    }

    @Test func whatAVersionQueryPrintsIsItsAnswerWhateverTheFormat() {
        #expect(unprompted("etcdctl version\netcdctl version: 3.5.12\nAPI version: 3.5\n") == "etcdctl version\n")
        #expect(unprompted("aws --version\naws-cli/2.15.21 Python/3.11.6 Linux/5.15.0-97-generic\n") == "aws --version\n")
        // Indented lines under the answer are more of it, `key = value` or not.
        #expect(unprompted("""
            ansible --version
            ansible [core 2.16.4]
              config file = /home/ops/ansible.cfg
              python version = 3.11.7 (main, Jan 22 2024, 00:00:00)
              libyaml = True
            ansible-inventory --graph
            """) == "ansible --version\nansible-inventory --graph\n")
        // A second query, or an install pinned to a release, is a command.
        #expect(unprompted("docker --version\ndocker compose version\n") == "docker --version\ndocker compose version\n")
        #expect(unprompted("pip --version\npip install ansible==9.1.0\n") == "pip --version\npip install ansible==9.1.0\n")
    }
}
