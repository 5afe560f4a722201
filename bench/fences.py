"""A fenced block's info string and text, read from the note as a labeller sees it (shared by the labelling scripts)."""

def block_text(path, line):
    """Info string and text of the fence opening at `line` (1-based) of the note at `path`."""
    lines = open(path, encoding="utf-8").read().split("\n")
    opening = lines[line - 1]
    indent = len(opening) - len(opening.lstrip(" >"))
    fence = opening.lstrip(" >")
    char = fence[0]
    length = len(fence) - len(fence.lstrip(char))
    info = fence[length:].strip()
    body = []
    for text in lines[line:]:
        stripped = text.lstrip(" >")
        if stripped.startswith(char * length) and stripped.strip(char).strip() == "":
            break
        body.append(text[indent:] if text[:indent].strip(" >") == "" else text.lstrip())
    return info, "\n".join(body) + ("\n" if body else "")
