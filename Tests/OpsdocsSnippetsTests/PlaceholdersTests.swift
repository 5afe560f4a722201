// Fill-ins that make a script not runnable, and the look-alikes that do not: values written as
// runs of one letter, names in braces, variables nobody sets, and printed sentences.

import Testing
@testable import OpsdocsSnippets

@Suite struct PlaceholdersTests {
    @Test func valuesWrittenAsRunsOfOneLetterAreFillIns() {
        #expect(Placeholders.find(in: "curl -X DELETE es:9200/logstash-xxxx.xx.xx\n") == ["es:9200/logstash-xxxx.xx.xx"])
        #expect(Placeholders.find(in: "export AWS_ACCESS_KEY_ID=\"xxxxx\"\nexport AWS_SECRET_ACCESS_KEY=\"yyyyy\"\n").count == 2)
        // Inside a heredoc body too: the file written would hold the fill-in.
        #expect(!Placeholders.find(in: "cat > b.sh << EOF\nrsync -av /srv 192.168.1.xx:/backup\nEOF\n").isEmpty)
        // Not an option (`tar -xxf` aside), not a word that merely contains x's.
        #expect(Placeholders.find(in: "tar -xzf etcd.tar.gz\nxxd /bin/ls | head\n").isEmpty)
        // A version left as x: `v1.26.x`, `'1.26.x-*'` (not `python3.x` in prose, not 1.26.0).
        #expect(Placeholders.find(in: "sudo kubeadm upgrade apply v1.26.x\n") == ["v1.26.x"])
        #expect(Placeholders.find(in: "apt-get install -y kubelet='1.26.x-*'\n").count == 1)
        #expect(Placeholders.find(in: "sudo kubeadm upgrade apply v1.26.0\n").isEmpty)
    }

    @Test func aNameInSingleBracesOutsideQuotesIsAFillIn() {
        #expect(Placeholders.find(in: "scp -r /etc/kubeasz root@{_ip_arm64}:/etc/\n") == ["root@{_ip_arm64}:/etc/"])
        #expect(Placeholders.find(in: "awk '{print $1}' /etc/hosts\nfind . -name '*.log' -exec rm {} \\;\n").isEmpty)
    }

    @Test func aVariableNobodyOnThePageSetsIsAFillIn() {
        #expect(Placeholders.find(in: "curl $NODE_IP:29200/_cat/health\n") == ["$NODE_IP"])
        #expect(Placeholders.find(in: "ssh-copy-id ${worker1_ip}\n") == ["${worker1_ip}"])
        // Set in the script, on the page, by the environment, with a default, or by a sourced file.
        #expect(Placeholders.find(in: "NODE_IP=10.0.0.1\ncurl $NODE_IP:29200/\n").isEmpty)
        #expect(Placeholders.find(in: "curl $NODE_IP:29200/\n", pageVariables: ["NODE_IP"]).isEmpty)
        #expect(Placeholders.find(in: "cd $HOME && echo ${BASH_VERSION} $1\nfor f in *.yaml; do kubectl apply -f $f; done\n").isEmpty)
        #expect(Placeholders.find(in: "echo ${TAG:-latest}\nread -p 'name? ' user_name\necho $user_name\n").isEmpty)
        #expect(Placeholders.find(in: "source /opt/k8s/bin/environment.sh\nssh root@${node_ip} ls ${K8S_DIR}\n").isEmpty)
        // Single quotes are not expanded: an awk program's fields are not shell variables.
        #expect(Placeholders.find(in: "kubectl get pods | awk '{print $NAME}'\n").isEmpty)
    }

    @Test func aSecretReadFromTheEnvironmentIsNoFillIn() {
        // Secrets are handed in through the environment, never written in the note.
        #expect(Placeholders.find(in: "curl -s -u \"admin:${HARBOR_PASS}\" https://harbor.example.internal/api/v2.0/projects\n").isEmpty)
        #expect(Placeholders.find(in: "vault kv get -address=https://vault:8200 secret/db # uses $VAULT_TOKEN\nmysql -p\"$DB_PWD\" -e 'select 1'\n").isEmpty)
        // A name that asks to be replaced is still a fill-in.
        #expect(Placeholders.find(in: "curl -H \"Authorization: Bearer ${YOUR_TOKEN}\" https://api.example.com/\n") == ["${YOUR_TOKEN}"])
    }

    @Test func aVariableNamedLikeAStandInIsAName() {
        #expect(Placeholders.find(in: "read -e fileName\necho $fileName\n").isEmpty)
        #expect(Placeholders.find(in: "for filename; do\n  echo \"$filename\"\ndone\n").isEmpty)
        #expect(Placeholders.find(in: "lpr filename\n") == ["filename"])
        #expect(Placeholders.find(in: "kubectl create secret tls tls --cert=path/to/tls.cert\n").count == 1)
    }

    @Test func sentencesInQuotesArePrintedNotFilledIn() {
        #expect(Placeholders.find(in: "while true; do echo 'Hi, while looping ...'; done\n").isEmpty)
        #expect(Placeholders.find(in: "echo \"Usage: $0 <csr-name>\"\n").isEmpty)
        #expect(Placeholders.find(in: "read -p \"Enter a username > \" name\n").isEmpty)
        // A fill-in inside a header is still one.
        #expect(Placeholders.find(in: "curl -H \"Authorization: Bearer <token>\" https://api/\n") == ["<token>"])
    }

    @Test func proseGluedToArgumentsAndValuesCutShortAreNotRunnable() {
        #expect(Placeholders.find(in: "kubectl get pods 查看所有pod\n") == ["查看所有pod"])
        #expect(Placeholders.find(in: "kubectl -n kube-system describe secret eyJhbGciOiJSUzI1NiIs...\n") == ["eyJhbGciOiJSUzI1NiIs..."])
        #expect(Placeholders.find(in: "curl -X POST http://gateway:8080/function/function-name\n").count == 1)
        #expect(Placeholders.find(in: "id -u [UserName]\n") == ["id -u [UserName]"])
        #expect(!Placeholders.find(in: "shopt -s [optionname]\n").isEmpty)
        #expect(Placeholders.find(in: "scp -q Label.pdf me@202.x.x.x:.\n") == ["me@202.x.x.x:."])
        #expect(Placeholders.find(in: "kubectl label nodes {node-name} gpu=on\n") == ["{node-name}"])
        #expect(Placeholders.find(in: "case $c in\n  *) echo \"输入不符合要求\" ;;\nesac\n").filter { $0.contains("输入") }.isEmpty)
        #expect(!Placeholders.find(in: "dd if=/dev/sdb of=out.img [bs=block_size [count=blocks]]\n").isEmpty)
        #expect(Placeholders.find(in: "ls report[!1-3].txt\nif [ -f /etc/hosts ]; then echo ok; fi\n").isEmpty)
        // A comment after the command is the author's, whatever its language; echo prints its words.
        #expect(Placeholders.find(in: "systemctl status l4lb \t# 检查进程状态\necho 完成\n").isEmpty)
    }

    @Test func standInWordsAndFragmentsAreFillIns() {
        #expect(Placeholders.find(in: "scp user@host:directory/SourceFile TargetFile\n").count == 2)
        #expect(Placeholders.find(in: "declare -f functionName\n") == ["functionName"])
        #expect(Placeholders.find(in: "function egress {\n  command1\n  command2\n}\n").count == 2)
        #expect(Placeholders.find(in: "${#varname}\n") == ["${#varname}"])
        #expect(Placeholders.find(in: "process1 | process2\n").count == 2)
        #expect(Placeholders.find(in: "shopt -s optionNameHere\n") == ["optionNameHere"])
        #expect(Placeholders.find(in: "kubeadm init --control-plane-endpoint \"LOAD_BALANCER_DNS:LOAD_BALANCER_PORT\"\n").count == 1)
        #expect(Placeholders.find(in: "-exec rm '{}' ';'\n") == ["-exec rm '{}' ';'"])
        // Real names made of the same nouns: commands, localhost, variables the script sets.
        #expect(Placeholders.find(in: "curl localhost:3000/health\nhostname\nread -p 'name? ' user_name\necho $user_name\n").isEmpty)
        #expect(Placeholders.find(in: "myfunc() { echo hi; }\nmyfunc\n").isEmpty)
        // Printing a variable inspects it; arithmetic sets one; mktemp fills its own template.
        #expect(Placeholders.find(in: "echo $DB_PASSWORD\nif (( foo = 5 )); then echo \"foo is $foo\"; fi\n").isEmpty)
        #expect(Placeholders.find(in: "mktemp -t mytemp.XXXXXXX\n").isEmpty)
    }

    @Test func theStandInsOfASyntaxTemplateAreFillIns() {
        #expect(Placeholders.find(in: "while condition; do\n  commands\ndone\n") == ["condition;", "commands"])
        #expect(Placeholders.find(in: "awk '条件 动作' 文件名\n").contains("文件名"))
        #expect(Placeholders.find(in: "command -v docker\n").isEmpty)
    }
    @Test func anAddressWithAnXPartIsAFillInWhereverItIs() {
        #expect(!Placeholders.find(in: "ADMIN_NET=192.168.x.0/24\n").isEmpty)
        #expect(!Placeholders.find(in: "firewall-cmd --add-forward-port=port=8080:proto=tcp:toport=80:toaddr=192.168.x.30\n").isEmpty)
        #expect(!Placeholders.find(in: "cat > v3.ext <<EOF\nIP.1=192.168.x.70\nEOF\n").isEmpty)
    }

    @Test func variablesAfterSourcingAFileAreNotFillIns() {
        #expect(Placeholders.find(in: "echo \"deb $(. /etc/os-release && echo \"$VERSION_CODENAME\") stable\"\n").isEmpty)
        #expect(Placeholders.find(in: "source ./env.sh\ncurl $API_URL\n").isEmpty)
        #expect(Placeholders.find(in: "curl $API_URL\n") == ["$API_URL"])
    }

    @Test func aSubCommandEndingInNameIsNotAFillIn() {
        #expect(Placeholders.find(in: "redis-cli -p 26379 sentinel get-master-addr-by-name mymaster\n").isEmpty)
        #expect(Placeholders.find(in: "kubectl delete deployment deployment-name\n") == ["deployment-name"])
    }
    @Test func aHostNamedYoursIsAFillInEvenQuotedOrInAFile() {
        #expect(!Placeholders.find(in: "curl -I https://api.your.domain.com/ping\n").isEmpty)
        #expect(!Placeholders.find(in: "echo \"root: ops@your.domain.com\" >> /etc/aliases\n").isEmpty)
        #expect(!Placeholders.find(in: "cat > relay <<EOF\n[smtp.your-company.com]:587 user:pass\nEOF\n").isEmpty)
        #expect(Placeholders.find(in: "echo \"your turn\"\n").isEmpty)
    }

    @Test func aSettingsKeyOrAChineseFolderIsNotAFillIn() {
        #expect(Placeholders.find(in: "vault kv put secret/db username=orderapi host=10.0.0.21\n").isEmpty)
        #expect(Placeholders.find(in: "smbclient //10.0.0.80/公共 -U wangwu -c 'ls'\n").isEmpty)
        #expect(!Placeholders.find(in: "kubectl get pods 查看所有pod\n").isEmpty)
    }
    @Test func aFormatTheProgramFillsInIsNoFillIn() {
        #expect(Placeholders.find(in: "curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8080/health\n").isEmpty)
    }
    @Test func aHostNamedYoursInACommentOrASentenceIsNoFillIn() {
        #expect(Placeholders.find(in: "certbot --nginx -d example.com  # or -d your.domain.com\n").isEmpty)
        #expect(Placeholders.find(in: "echo \"Done. Now open https://your.domain.com/admin in a browser\"\n").isEmpty)
    }

    @Test func anOptionInAVariablesQuotedValueIsNoFillIn() {
        let opts = "JAVA_OPTS=\"-XX:+UseG1GC \\\n  -XX:MaxRAMPercentage=70.0 \\\n  -Xlog:gc*:file=/app/logs/gc-%t.log\"\n"
        #expect(Placeholders.find(in: opts).isEmpty)
        #expect(Placeholders.find(in: "NODE_IP=\"10.0.x.1\"\n") == ["NODE_IP=\"10.0.x.1\""])
    }

    @Test func aKeyCutShortIsAFillInEvenInQuotes() {
        let key = "echo \"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG... postgres@db-01\" | tee -a ~/.ssh/authorized_keys\n"
        #expect(Placeholders.find(in: key) == ["AAAAC3NzaC1lZDI1NTE5AAAAIG..."])
        #expect(Placeholders.find(in: "echo \"Loading... please wait\"\n").isEmpty)
    }

    @Test func aValueLeftOutOrADeviceLetterToPickIsAFillIn() {
        #expect(Placeholders.find(in: "export MYSQL_ROOT_PASSWORD='...'\n") == ["MYSQL_ROOT_PASSWORD='...'"])
        #expect(Placeholders.find(in: "mkfs.xfs /dev/sdX\n") == ["/dev/sdX"])
        #expect(Placeholders.find(in: "ethtool -S ethN | grep drop\n") == ["ethN"])
        #expect(Placeholders.find(in: "smartctl -a -d megaraid,N /dev/sda\n") == ["megaraid,N"])
        // Real names: a device, an option, upper-case column names.
        #expect(Placeholders.find(in: "mkfs.xfs /dev/sdb\nethtool -S eth0\nlsblk /dev/nvme0n1 -o NAME,SIZE\n").isEmpty)
    }
}
