package cn.propertycompliance.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Layer 2's one look at the text before compiling: an MVEL inline cast ({@code #}) in code, on which the Drools
 * compiler does not finish, found wherever it is hidden; a {@code #} in a string, a character or a comment is no cast.
 */
class InlineCastScanTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `Fee( this#Object.name != null )`                                  | 1
            `@cite("test-law#第一条")\\nFee( name == "#1" )`                      | -1
            `Fee( name == '#' )`                                                | -1
            `// a # in a comment\\nFee()`                                         | -1
            `/* a #\\n in a comment */\\nFee( this#Fee )`                          | 3
            `Fee( name == "a\\"#" )`                                             | -1
            `Fee( name == "a\\"" )\\nFee( this\\u0023Object )`                    | 2
            `Fee( this\\uu0023Object )`                                          | 1
            `then\\n  findings.add(drools); # not java either`                     | 2
            """)
    void findsTheCastInCodeOnly(String text, int line) {
        assertThat(BytecodeCheck.inlineCast(text.replace("\\n", "\n"))).isEqualTo(line);
    }
}
