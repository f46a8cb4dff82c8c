package io.sluice.hbase;

import static java.util.Objects.requireNonNull;

import java.io.IOException;

import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder;
import org.apache.hadoop.hbase.client.TableDescriptorBuilder;

import io.sluice.api.delivery.SinkDelivery;
import io.sluice.api.sink.PartitionWriterFactory;
import io.sluice.api.sink.Sink;

/**
 * An {@code hbase} sink on the driver: checks (or creates) the table before the first batch.
 * Idempotent: a replayed batch puts the same cells with the same timestamp (the batch time).
 */
final class HbaseSink implements Sink {
    private final HbaseSinkOptions options;

    HbaseSink(HbaseSinkOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    @Override
    public PartitionWriterFactory writerFactory() {
        return new HbaseWriterFactory(options);
    }

    @Override
    public SinkDelivery delivery() {
        return SinkDelivery.IDEMPOTENT;
    }

    @Override
    public String describe() {
        return "hbase puts are idempotent per row key [" + options.rowKey() + "] and batch (cell timestamp = batch time)";
    }

    @Override
    public void prepare() throws IOException {
        TableName table = TableName.valueOf(options.table());
        try (Admin admin = HbaseConnections.get(options).getAdmin()) {
            if (admin.tableExists(table)) {
                return;
            }
            if (!options.createTable()) {
                throw new IOException("hbase sink: table [" + options.table() + "] does not exist; create it or set [create-table = true]");
            }
            admin.createTable(TableDescriptorBuilder.newBuilder(table)
                    .setColumnFamily(ColumnFamilyDescriptorBuilder.of(options.columnFamily()))
                    .build());
        }
        catch (org.apache.hadoop.hbase.TableExistsException e) {
            // Created meanwhile by another pipeline: fine.
        }
    }

    @Override
    public String toString() {
        return "HbaseSink" + options;
    }
}
