package io.github.alertrouter.store.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.store.StoreException;
import io.github.alertrouter.store.UsedTokens;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Used action links: core's in-memory store on the router's clock (an entry expires with its link),
 * each mark and release journaled. Compaction keeps the marks that have not expired.
 */
final class JournalUsedTokens implements UsedTokens, Seam {
  private static final String USED = "tokens.used";
  private static final String RELEASE = "tokens.release";

  private final UsedTokens memory;
  private final Journal journal;

  JournalUsedTokens(Journal journal, Clock clock) {
    this.journal = journal;
    this.memory = UsedTokens.inMemory(clock);
  }

  @Override
  public boolean markUsed(String nonce, Instant expiresAt) {
    byte[] line = JournalFormat.line(USED, used(nonce, expiresAt));
    return journal.change(tx -> {
      // the in-memory store decides (its rule for a mark that expired unswept included); a mark it
      // took is released again when the record cannot be written, so memory stays as the journal
      if (!memory.markUsed(nonce, expiresAt)) {
        return false;
      }
      try {
        tx.append(line);
      } catch (StoreException e) {
        memory.release(nonce);
        throw e;
      }
      return true;
    });
  }

  @Override
  public boolean isUsed(String nonce) {
    return memory.isUsed(nonce);
  }

  @Override
  public void release(String nonce) {
    byte[] line = JournalFormat.line(RELEASE, Codec.object().put("nonce", nonce));
    journal.change(tx -> {
      tx.append(line);
      memory.release(nonce);
      return null;
    });
  }

  @Override
  public Map<String, Instant> used() {
    return memory.used();
  }

  private static ObjectNode used(String nonce, Instant expiresAt) {
    ObjectNode payload = Codec.object().put("nonce", nonce);
    Codec.put(payload, "expiresAt", expiresAt);
    return payload;
  }

  @Override
  public String name() {
    return "tokens";
  }

  @Override
  public void replay(String type, JsonNode p) {
    switch (type) {
      case USED -> memory.markUsed(Codec.text(p, "nonce"), Codec.instant(p, "expiresAt"));
      case RELEASE -> memory.release(Codec.text(p, "nonce"));
      default -> throw new IllegalArgumentException("unknown record type " + type);
    }
  }

  @Override
  public void writeState(Sink out) throws IOException {
    for (Map.Entry<String, Instant> mark : memory.used().entrySet()) {
      out.write(USED, used(mark.getKey(), mark.getValue()));
    }
  }
}
