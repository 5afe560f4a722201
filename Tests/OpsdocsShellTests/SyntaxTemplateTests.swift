// A block written wholly in stand-ins shows a form (`other`); one concrete statement makes it a script.

import Testing
@testable import OpsdocsShell

@Suite struct SyntaxTemplateTests {
    private func isTemplate(_ code: String) -> Bool {
        let statements = code.split(separator: "\n").filter { !$0.trimmedBlanks.isEmpty && !$0.trimmedBlanks.hasPrefix("#") }
        return SyntaxTemplate.isSyntaxTemplate(statements)
    }

    @Test func shellConstructsWrittenInStandIns() {
        #expect(isTemplate("while condition; do\n  commands\ndone\n"))
        #expect(isTemplate("until condition\ndo\n  commands\ndone\n"))
        #expect(isTemplate("select name\n[in list]\ndo\n  commands\ndone\n"))
        #expect(isTemplate("case expression in\n  pattern )\n    commands ;;\n  ...\nesac\n"))
        #expect(isTemplate("function name {\n  commands\n  return\n}\n"))
        #expect(isTemplate("{ command1; command2; [command3; ...] }\n"))
        #expect(isTemplate("command1 && command2\ncommand1 || command2\n"))
        #expect(isTemplate("process1 | process2\n"))
    }

    @Test func expansionsAndRedirectionsOnTheirOwn() {
        #expect(isTemplate("${varname:-word}\n"))
        #expect(isTemplate("# 如果 pattern 匹配变量 variable 的开头\n${variable#pattern}\n\n${variable##pattern}\n"))
        #expect(isTemplate("${#array[*]}\n${#array[@]}\n"))
        #expect(isTemplate("<(list)\n"))
        #expect(isTemplate("<<< string\n"))
        #expect(isTemplate("[[ string1 =~ regex ]]\n"))
    }

    @Test func commandsWhoseArgumentsAreAllStandIns() {
        #expect(isTemplate("grep pattern filename\n"))
        #expect(isTemplate("rsync options source destination\n"))
        #expect(isTemplate("zip options zipfile file...\n"))
        #expect(isTemplate("awk '条件 动作' 文件名\n"))
        #expect(isTemplate("trap [动作] [信号1] [信号2] ...\n"))
        #expect(isTemplate("alias NAME=DEFINITION\n"))
        #expect(isTemplate("-exec command {} ;\n"))
    }

    @Test func oneFillInInARealCommandIsAScriptWithAPlaceholder() {
        #expect(!isTemplate("killall processname\n"))
        #expect(!isTemplate("id -u [UserName]\nid -g [UserName]\n"))
        #expect(!isTemplate("shopt -s optionNameHere\n"))
        #expect(!isTemplate("ls -l file1\nls -l file2\n"))
        #expect(!isTemplate("command foo bar\n"))
        // Numbered names are examples one can use as they are.
        #expect(!isTemplate("mkdir dir1 dir2 dir3\n"))
        #expect(!isTemplate("script.sh word1 word2 word3\n"))
        #expect(isTemplate("command [ arg1 ... [ argN ]]\n"))
    }

    @Test func oneConcreteStatementMakesItAScript() {
        #expect(!isTemplate("function egress {\n  command1\n}\n\ntrap egress EXIT\n"))
        #expect(!isTemplate("echo ${array[i]}     # i 是索引\n"))
        #expect(!isTemplate("scp user@host:directory/SourceFile TargetFile\nscp root@10.0.0.1:/etc/hosts .\n"))
        #expect(!isTemplate("while true; do\n  kubectl get pods\ndone\n"))
        #expect(!isTemplate("for node in node1 node2; do ssh $node uptime; done\n"))
        #expect(!isTemplate("cat > list <<EOF\nname value\nEOF\n"))
        #expect(!isTemplate("command -v docker\n"))
        #expect(!isTemplate("kubectl get secret -o name\n"))
    }
}
