/**
 * State: what Netform has created, in Terraform's v4 JSON format, with atomic snapshots, an
 * append-only journal that makes an interrupted apply lose nothing, and locking so that only one
 * command writes at a time.
 */
package io.netform.state;
