package io.netform.nsxsim.store;

import io.netform.nsxsim.model.Json;
import java.nio.file.Path;
import java.util.Map;

/** A simulator's store for {@link StoreFileTest} to kill: appends segments without end, printing each one's number once it is durable. */
public final class StoreFileWriter {

    private StoreFileWriter() {}

    public static void main(String[] args) {
        StoreFile file = new StoreFile(Path.of(args[0]));
        file.lock(java.time.Duration.ofSeconds(10));
        file.load();
        for (int i = 0; ; i++) {
            String path = "/infra/segments/s" + i;
            file.append(Map.of(path, Json.object().put("path", path).put("description", "x".repeat(200))), true);
            System.out.println(i);
            System.out.flush();
        }
    }
}
