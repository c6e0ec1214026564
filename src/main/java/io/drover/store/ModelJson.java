package io.drover.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import io.drover.model.ByteSize;
import io.drover.model.DiskSource;
import io.drover.model.Version;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of the model, used for snapshot storage and the documented export format (docs/snapshot-json.md).
 * The model stays free of Jackson annotations: exactly the record components are written, the one sealed type gets
 * a {@code "type"} discriminator through a mix-in, versions are written as {@code "7.2.0"} and sizes as a number of
 * bytes, and unknown fields are rejected so that a format drift is loud.
 */
public final class ModelJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultVisibility(visibility -> visibility
                    .withVisibility(PropertyAccessor.ALL, Visibility.NONE)
                    .withVisibility(PropertyAccessor.FIELD, Visibility.ANY))
            .addMixIn(DiskSource.class, DiskSourceMixIn.class)
            .addMixIn(Version.class, VersionMixIn.class)
            .addMixIn(ByteSize.class, ByteSizeMixIn.class)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private ModelJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = DiskSource.File.class, name = "file"),
            @JsonSubTypes.Type(value = DiskSource.Block.class, name = "block"),
            @JsonSubTypes.Type(value = DiskSource.Network.class, name = "network"),
            @JsonSubTypes.Type(value = DiskSource.Volume.class, name = "volume"),
            @JsonSubTypes.Type(value = DiskSource.Empty.class, name = "empty"),
            @JsonSubTypes.Type(value = DiskSource.Other.class, name = "other")})
    private interface DiskSourceMixIn {
    }

    private abstract static class VersionMixIn {
        @JsonCreator
        static Version parse(String text) {
            throw new UnsupportedOperationException("mix-in");
        }

        @JsonValue
        @Override
        public abstract String toString();
    }

    private abstract static class ByteSizeMixIn {
        @JsonCreator
        ByteSizeMixIn(long bytes) {
        }

        @JsonValue
        abstract long bytes();
    }
}
