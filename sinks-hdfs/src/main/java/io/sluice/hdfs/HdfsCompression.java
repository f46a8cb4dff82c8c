package io.sluice.hdfs;

/** How files are compressed: whole text files by a Hadoop codec, or Parquet pages by Parquet's codec. */
public enum HdfsCompression {
    NONE(""),
    GZIP(".gz"),
    SNAPPY(".snappy");

    private final String textExtension;

    HdfsCompression(String textExtension) {
        this.textExtension = textExtension;
    }

    /** The suffix a compressed text file gets (Hadoop's codecs recognize it when reading). */
    String textExtension() {
        return textExtension;
    }
}
