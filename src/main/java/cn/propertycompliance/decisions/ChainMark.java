package cn.propertycompliance.decisions;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A signed statement about one writer's chain: "chain C reached sequence S with record hash H, holding N records, at
 * time T". The head ({@code decision_chain_head}, rewritten in every commit) makes deleting the newest records
 * detectable; periodic checkpoints ({@code decision_checkpoint}, kept) anchor verification of a period and are also
 * logged, so a copy exists outside the database. The kind is signed too, so a checkpoint cannot pose as a head.
 */
public record ChainMark(Kind kind, UUID chainId, long seq, String hash, long count, OffsetDateTime at, String keyId, String mac) {

    public enum Kind { HEAD, CHECKPOINT }

    static ChainMark sign(ChainKeys keys, Kind kind, UUID chainId, long seq, String hash, long count, OffsetDateTime at) {
        // Databases keep microseconds: sign exactly what will be stored.
        OffsetDateTime stored = at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        ChainMark unsigned = new ChainMark(kind, chainId, seq, hash, count, stored, keys.signingKeyId(), null);
        return new ChainMark(kind, chainId, seq, hash, count, stored, unsigned.keyId(), keys.mac(unsigned.keyId(), unsigned.signedContent()));
    }

    String signedContent() {
        return String.join("\u001f", "decision-chain-" + kind.name().toLowerCase(java.util.Locale.ROOT), chainId.toString(),
                Long.toString(seq), String.valueOf(hash), Long.toString(count), at.toInstant().toString(), keyId);
    }

    boolean verifies(ChainKeys keys) {
        return keys.verify(keyId, signedContent(), mac);
    }
}
