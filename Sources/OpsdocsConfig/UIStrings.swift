// Every label opsdocs puts on a page, in English and Chinese, in one table: the templates
// (`{{strings.toc}}`), the scripts (`js/strings.js`, written from this table), the Markdown stage
// (callout titles, heading anchors) and the snippet badges all read it. The language is the
// site's `language`, or a note's own `lang` front matter: English for `en…` (and any language
// the table lacks), Chinese for `zh…`.

import Foundation

public struct UIStrings: Sendable, Equatable {
    public enum Language: String, Sendable, Equatable { case en, zh }

    public let language: Language

    /// `zh-CN`, `zh-Hant`, `zh` → Chinese; `en`, `en-US` and anything else → English.
    public init(language tag: String) {
        language = tag.lowercased().hasPrefix("zh") ? .zh : .en
    }

    /// The label for `key` (the key itself when the table lacks it, so a typo shows on the page).
    public subscript(_ key: String) -> String {
        guard let entry = Self.table[key] else { return key }
        return language == .zh ? entry.zh : entry.en
    }

    /// The label with `{name}` placeholders filled in (`format("readingTime", ["n": "7"])`).
    public func format(_ key: String, _ values: [String: String]) -> String {
        var text = self[key]
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// Every label, for the templates' `strings`.
    public var all: [String: String] { language == .zh ? Self.allChinese : Self.allEnglish }
    private static let allEnglish = table.mapValues(\.en)
    private static let allChinese = table.mapValues(\.zh)

    /// The labels the theme's scripts use, as JSON (keys sorted).
    public var scriptJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let labels = Dictionary(uniqueKeysWithValues: Self.scriptKeys.map { ($0, self[$0]) })
        return (try? encoder.encode(labels)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// `js/strings.js`: the scripts' labels in both languages, one file every page shares (the
    /// browser caches it), and `window.opsdocsLabel(key, values)`, which picks the page's
    /// language from `<html lang>`.
    public static var script: String {
        """
        // Written by opsdocs from Sources/OpsdocsConfig/UIStrings.swift: the theme scripts' labels.
        (function () {
          "use strict";
          var labels = {en: \(UIStrings(language: "en").scriptJSON), zh: \(UIStrings(language: "zh").scriptJSON)};
          var own = labels[/^zh/i.test(document.documentElement.lang || "") ? "zh" : "en"];
          window.opsdocsLabel = function (key, values) {
            var text = own[key] || key;
            for (var name in values || {}) text = text.split("{" + name + "}").join(String(values[name]));
            return text;
          };
        })();

        """
    }

    static let scriptKeys: Set<String> = [
        "navToggle", "moreSections", "resultCount", "noResults", "showMore", "themeLight", "themeDark", "toLight",
        "toDark", "copy", "copyLabel", "copied", "copyFailed", "buildFailed", "hide",
    ]

    /// key → (English, Chinese).
    static let table: [String: (en: String, zh: String)] = [
        // Page furniture (templates)
        "skipToText": ("Skip to the text", "跳到正文"),
        "siteNav": ("Site", "站点"),
        "archive": ("Archive", "归档"),
        "search": ("Search", "搜索"),
        "searchBox": ("Search (press /)", "搜索（按 / ）"),
        "searchNotes": ("Search the notes", "搜索笔记"),
        "searchPagePlaceholder": ("Chinese, English, flags: net.ipv4.tcp_tw_reuse", "中文、英文、参数名，如 net.ipv4.tcp_tw_reuse"),
        "searchNeedsScripts": ("Search needs JavaScript; in a terminal, run", "搜索需要 JavaScript；也可以在终端里运行"),
        "searchExample": ("keyword", "关键词"),
        "sections": ("Sections", "章节"),
        "madeWith": ("made with opsdocs", "由 opsdocs 生成"),
        "path": ("Path", "路径"),
        "home": ("Home", "首页"),
        "subfolders": ("Sub-folders", "子目录"),
        "updated": ("Updated", "更新于"),
        "readingTime": ("{n} min read", "约 {n} 分钟"),
        "toc": ("Contents", "目录"),
        "previousNext": ("Previous and next", "上一篇与下一篇"),
        "notFound": ("Page not found", "页面不存在"),
        "notFoundHeading": ("Page not found (404)", "页面不存在（404）"),
        "notFoundText": ("No note lives at this address; it may have been moved or renamed.", "这个地址没有对应的笔记。它可能被移动或改名了。"),
        "backHome": ("Back to the home page", "回到首页"),
        "allNotes": ("All notes", "查看全部笔记"),
        "archiveTotal": ("{n} notes.", "共 {n} 篇笔记。"),
        "allNotesMore": ("All {n} notes →", "全部 {n} 篇笔记 →"),
        "undated": ("Undated", "未注明日期"),
        "noTermsYet": ("No note has {label} yet.", "还没有笔记使用{label}。"),
        "tags": ("Tags", "标签"),
        "categories": ("Categories", "分类"),
        "authors": ("Authors", "作者"),
        "termTitle": ("{label}: {name}", "{label}：{name}"),
        // Rendered Markdown
        "alertNote": ("Note", "说明"),
        "alertTip": ("Tip", "提示"),
        "alertImportant": ("Important", "重要"),
        "alertWarning": ("Warning", "警告"),
        "alertCaution": ("Caution", "危险"),
        "headingLink": ("Link to this heading", "链接到此标题"),
        "externalImage": ("External image", "外部图片"),
        "externalImageNamed": ("External image: {alt}", "外部图片：{alt}"),
        "mermaidSource": ("Mermaid diagram (source)", "Mermaid 图（源码）"),
        // Snippet badges
        "blockLine": ("line {line} of the block, line {fileLine} of the note", "块内第 {line} 行，笔记第 {fileLine} 行"),
        "templateBadge": ("template", "模板"),
        "templateTitle": ("Template syntax: not extracted", "模板语法，未提取"),
        "fillIn": ("fill in", "需填写"),
        "fillInTitle": ("Replace before running: {list}", "运行前需替换：{list}"),
        "snippetFile": ("snippet file", "片段文件"),
        "noProblems": ("no problems", "没有问题"),
        // Scripts (scriptKeys)
        "navToggle": ("Sections", "章节导航"),
        "moreSections": ("{n} more matches on this page", "本页另有 {n} 处匹配"),
        "resultCount": ("{n} results", "共 {n} 个结果"),
        "noResults": ("Nothing found for “{q}”", "没有找到与“{q}”相关的内容"),
        "showMore": ("Show more results ({n} left)", "显示更多结果（还有 {n} 个）"),
        "themeLight": ("☀︎ Light", "☀︎ 浅色"),
        "themeDark": ("☾ Dark", "☾ 深色"),
        "toLight": ("Switch to light", "切换到浅色"),
        "toDark": ("Switch to dark", "切换到深色"),
        "copy": ("Copy", "复制"),
        "copyLabel": ("Copy the code", "复制代码"),
        "copied": ("Copied", "已复制"),
        "copyFailed": ("Cannot copy: selected, press Ctrl+C", "无法复制：已选中，请按 Ctrl+C"),
        // The preview's error overlay (LiveReloadScript)
        "buildFailed": ("opsdocs: the last change did not build — still showing the last good version",
                        "opsdocs：最近一次修改没有构建成功，仍显示上一个成功的版本"),
        "hide": ("Hide", "隐藏"),
    ]
}
