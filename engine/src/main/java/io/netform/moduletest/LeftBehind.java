package io.netform.moduletest;

/**
 * A resource instance object a test file's cleanup could not destroy: its address, and its deposed key when it
 * is a deposed object (null for the current one).
 */
public record LeftBehind(String instance, String deposedKey) {

    /** As Terraform lists it for people: the address, then the deposed key in parentheses. */
    @Override
    public String toString() {
        return deposedKey == null ? instance : instance + " (" + deposedKey + ")";
    }
}
