package io.netform.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** Where a command's input comes from and its output goes, and whether it may use colour. */
public final class Ui {

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean color;

    /** Input from {@code in}, output to {@code out} and {@code err}, coloured only when {@code color}. */
    public Ui(InputStream in, PrintStream out, PrintStream err, boolean color) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.color = color;
    }

    /** Input from standard input, output to {@code out} and {@code err}, coloured only when {@code color}. */
    public Ui(PrintStream out, PrintStream err, boolean color) {
        this(System.in, out, err, color);
    }

    /** Standard input. */
    public InputStream in() {
        return in;
    }

    /** Standard output. */
    public PrintStream out() {
        return out;
    }

    /** Standard error. */
    public PrintStream err() {
        return err;
    }

    /** This UI with colour turned off (for {@code -no-color}). */
    public Ui withoutColor() {
        return new Ui(in, out, err, false);
    }

    /** {@code text} in bold, when colour is on. */
    public String bold(String text) {
        return style("1", text);
    }

    /** {@code text} in green, when colour is on. */
    public String green(String text) {
        return style("32", text);
    }

    /** {@code text} in yellow, when colour is on. */
    public String yellow(String text) {
        return style("33", text);
    }

    /** {@code text} in red, when colour is on. */
    public String red(String text) {
        return style("31", text);
    }

    private String style(String code, String text) {
        return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
