package cn.propertycompliance.committee;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of a jurisdiction's committee list that a member's facts matched: the api.md code (a conduct code or a
 * qualification ground), the clause item it falls under, that item's local wording copied from the clause, and the
 * status of the mapping (OFFICIAL when the wording names the conduct, INTERPRETATION when it is our reading) and the
 * table's note (the reading made, or e.g. that the text prescribes no procedure for this item).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListedItem(String code, String item, String wording, String status, String note) {

    /** How the item reads in a Chinese message: 第四十七条第一款第（四）项“擅自使用业主大会、业主委员会印章”. */
    @Override
    public String toString() {
        return item + "“" + wording + "”";
    }
}
