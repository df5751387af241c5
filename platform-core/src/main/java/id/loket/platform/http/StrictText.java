package id.loket.platform.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Text fields refuse control characters (other than tab and line breaks) when read: PostgreSQL cannot store
 * a NUL in text or jsonb, so such a value would otherwise fail at the append as a 500; no name, address or
 * description needs one. The refusal is a 400 naming the field, like any malformed value.
 */
@Singleton
public class StrictText implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("loket-strict-text").addDeserializer(String.class, new Deserializer()));
    }

    static final class Deserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            String text = super.deserialize(p, ctx);
            if (text != null && hasControlCharacter(text)) {
                throw InvalidFormatException.from(p, "text must not contain control characters", null, String.class);
            }
            return text;
        }

        private static boolean hasControlCharacter(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return true;
            }
            return false;
        }
    }
}
