package cn.propertycompliance.committee;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The matched items of one finding ({@code details.items}): one entry per matched code, serialised as a JSON array.
 * In a message they read as the distinct clause items — two codes under the same item (e.g. 欠交物业费 and 欠交专项维修资金
 * under 辽宁 第三十九条第二款第（三）项) name it once.
 */
public record ListedItems(List<ListedItem> list) {

    public ListedItems {
        list = List.copyOf(list);
    }

    @JsonValue
    public List<ListedItem> list() {
        return list;
    }

    @Override
    public String toString() {
        return list.stream().map(ListedItem::toString).distinct().collect(Collectors.joining("、"));
    }
}
