#!/usr/bin/env python3
"""Writes one very large note, for timing how the build scales with a note's size.

usage: bench/make-big-note.py MEGABYTES OUT_FILE [SOURCE_DIR | --sections N]
The note is the bodies of ../shared/corpus's notes (front matter dropped) one after another,
repeated until it reaches MEGABYTES, so it has real prose, code and many short sections
(about 1,800 headings a MB). With --sections N it is instead N short runbook sections
filling MEGABYTES, each a heading, a paragraph and its own three-line shell block, the shape
that once made the snippets stage quadratic (5 MB and 9,000 sections in the hardening issue).
"""
import os, re, sys

megabytes, out = float(sys.argv[1]), sys.argv[2]
sections = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--sections" else 0
source = sys.argv[3] if len(sys.argv) > 3 and not sections else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus")
notes = sorted(os.path.join(d, f) for d, _, fs in os.walk(source) for f in fs if f.endswith(".md"))
target = int(megabytes * 1024 * 1024)
parts, size = ["---\ntitle: 超长笔记\n---\n"], 0
filler = "如果节点没有就绪，先看 kubelet 的日志，再确认容器运行时和 CNI 插件都已安装，证书没有过期，时间同步正常。"
for n in range(1, sections + 1):
    head = (f"## 步骤 {n}：配置节点 node-{n}\n\n在第 {n} 台机器上执行下面的命令，确认 kubelet 已经启动，"
            f"然后检查 `net.ipv4.ip_forward` 是否为 1。")
    block = (f"\n\n```bash\nssh root@10.0.{n // 250}.{n % 250} 'systemctl restart kubelet && sysctl net.ipv4.ip_forward'\n"
             f"kubectl get node node-{n} -o wide\necho \"node-{n} ok\" >> /var/log/setup-{n}.log\n```\n\n")
    room = (target - size) // (sections - n + 1) - len((head + block).encode())
    text = head
    while room >= len(filler.encode()):
        text += filler
        room -= len(filler.encode())
    parts.append(text + block)
    size += len((text + block).encode())
while not sections and size < target:
    for path in notes:
        body = open(path, encoding="utf-8").read()
        body = re.sub(r"\A(---\n.*?\n---\n|\+\+\+\n.*?\n\+\+\+\n)", "", body, flags=re.S)
        # An unclosed fence would swallow the rest of the note; close every note's fences.
        if body.count("```") % 2: body += "\n```\n"
        parts.append(body + "\n\n")
        size += len(body.encode()) + 2
        if size >= target: break
os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
open(out, "w", encoding="utf-8").write("".join(parts))
text = "".join(parts)
print(f"{out}: {len(text.encode()) / 1048576:.1f} MB, {len(re.findall(r'^#{1,6} ', text, re.M))} headings, "
      f"{text.count(chr(10) + '```') // 2} fenced blocks")
