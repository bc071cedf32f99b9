package io.netform.lang;

/** A failed operation inside an expression, with HCL's summary and a detail; the evaluator adds the range. */
class EvalFailure extends Exception {

    private final String summary;

    EvalFailure(String summary, String detail) {
        super(detail, null, false, false);
        this.summary = summary;
    }

    String summary() {
        return summary;
    }

    String detail() {
        return getMessage();
    }
}
