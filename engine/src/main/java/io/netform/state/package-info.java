/**
 * State: what Netform has created, in Terraform's v4 JSON format, with atomic snapshots, an
 * append-only journal that makes an interrupted apply lose nothing, and locking so that only one
 * command writes at a time. Also the JSON representation of state for other tools ({@code show -json},
 * format 1.0), the value mirrors it shares with the plan JSON, and state's form of attribute paths,
 * which plan files reuse.
 */
package io.netform.state;
