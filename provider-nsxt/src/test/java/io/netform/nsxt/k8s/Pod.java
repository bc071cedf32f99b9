package io.netform.nsxt.k8s;

import java.util.Map;

/** A test pod: where it lives, its labels, its named container ports ({@code name -> number/PROTOCOL}) and IP. */
record Pod(String namespace, String name, Map<String, String> labels, Map<String, String> namedPorts, String ip) {

    String portPath() {
        return "/infra/segments/pods/ports/" + namespace + "-" + name;
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
