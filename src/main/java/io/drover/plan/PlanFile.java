package io.drover.plan;

import io.drover.store.ModelJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plan on disk ({@code plans/<id>.plan.json}, format in docs/plan-format.md): the plan plus a SHA-256 hash of its
 * canonical JSON. Reading verifies the hash, so a plan edited after review is refused rather than carried out.
 */
public final class PlanFile {

    public static final String FORMAT = "drover-plan/4";
    private static final String HASH_PREFIX = "sha256:";

    private final JsonMapper json = ModelJson.mapper();

    /** The file as written: format, hash, plan. */
    record Document(String format, String contentHash, Plan plan) {
    }

    public String contentHash(Plan plan) {
        try {
            byte[] canonical = json.writeValueAsBytes(plan);
            return HASH_PREFIX + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }

    /** Writes atomically (a reader never sees half a plan) and returns the content hash. */
    public String write(Plan plan, Path file) throws IOException {
        String hash = contentHash(plan);
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(temporary, json.writerWithDefaultPrettyPrinter()
                .writeValueAsString(new Document(FORMAT, hash, plan)), StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return hash;
    }

    /** Reads a plan and checks its format and hash; any mismatch is a {@link PlanFileException} naming the file. */
    public Plan read(Path file) {
        Document document;
        try {
            JsonNode tree = json.readTree(Files.readString(file, StandardCharsets.UTF_8));
            String format = tree.path("format").asString("");
            if (!FORMAT.equals(format)) {
                throw new PlanFileException(file + ": not a " + FORMAT + " plan (format '" + format + "')");
            }
            document = json.treeToValue(tree, Document.class);
        } catch (IOException e) {
            throw new PlanFileException(file + ": cannot read: " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new PlanFileException(file + ": not a valid plan: " + e.getOriginalMessage(), e);
        }
        String actual = contentHash(document.plan());
        if (!actual.equals(document.contentHash())) {
            throw new PlanFileException(file + ": content hash " + actual + " does not match the recorded "
                    + document.contentHash() + ": the plan was changed after it was written; plan again");
        }
        return document.plan();
    }
}
