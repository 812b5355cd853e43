/** Storage levels for persisted datasets and received blocks. */
package io.dstream.storage;
