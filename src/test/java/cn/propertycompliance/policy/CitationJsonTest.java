package cn.propertycompliance.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.evaluation.RequestParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The cached citation JSON is the same object a plain record would give, escaping and nulls included. */
class CitationJsonTest {

    @Test
    void treesAndPrettyPrintedJsonGetTheSameFields() {
        Citation c = new Citation("示例文号", "示例文件", "第一条", "示例条文");
        JsonNode tree = RequestParser.JSON.valueToTree(c);
        assertThat(tree.path("document").asString()).isEqualTo("示例文号");
        assertThat(tree.path("text").asString()).isEqualTo("示例条文");
        String pretty = RequestParser.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(List.of(c));
        assertThat(RequestParser.JSON.readTree(pretty).get(0)).isEqualTo(tree);
        assertThat(pretty).contains("\n  ").doesNotContain("{\"document\"");
    }

    @Test
    void aCitationIsWrittenAsItsFourFieldsAndTheSameTheSecondTime() {
        Citation c = new Citation("鄂建文〔2021〕11号", null, "(十二)", "引号\"与反斜杠\\和换行\n都要转义");
        String first = RequestParser.JSON.writeValueAsString(List.of(c, c));
        JsonNode read = RequestParser.JSON.readTree(first);
        assertThat(read.get(0)).isEqualTo(read.get(1));
        assertThat(read.get(0).path("document").asString()).isEqualTo("鄂建文〔2021〕11号");
        assertThat(read.get(0).has("title")).isTrue();
        assertThat(read.get(0).get("title").isNull()).isTrue();
        assertThat(read.get(0).path("clause").asString()).isEqualTo("(十二)");
        assertThat(read.get(0).path("text").asString()).isEqualTo("引号\"与反斜杠\\和换行\n都要转义");
        assertThat(RequestParser.JSON.writeValueAsString(c)).isEqualTo(
                "{\"document\":\"鄂建文〔2021〕11号\",\"title\":null,\"clause\":\"(十二)\",\"text\":\"引号\\\"与反斜杠\\\\和换行\\n都要转义\"}");
    }
}
