// The words read as commands: generated in the order the look-up needs, programs in, English words out.

import Testing
@testable import OpsdocsShell

@Suite struct CommandLexiconTests {
    @Test func theGeneratedWordsAreInTheOrderTheLookUpNeeds() {
        #expect(CommandLexicon.words.isInOrder)
        #expect(CommandLexicon.words.count > 40_000)
        #expect(CommandLexicon.words.contains("kubectl") && CommandLexicon.words.contains("7z") && CommandLexicon.words.contains("zstd"))
        #expect(!CommandLexicon.words.contains("running") && !CommandLexicon.words.contains("kubect"))
    }
}
