package io.netform.provider.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;

/** A second process for {@link StoreLogTest}: puts {@code COUNT} objects named {@code PREFIX<i>} into {@code FILE}. */
public final class StoreLogWriter {

    private StoreLogWriter() {}

    public static void main(String[] args) {
        StoreLog store = new StoreLog(Path.of(args[0]));
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < Integer.parseInt(args[2]); i++) {
            store.put(args[1] + i, json.createObjectNode().put("name", args[1] + i));
        }
    }
}
