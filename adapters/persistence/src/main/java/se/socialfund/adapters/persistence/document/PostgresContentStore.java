package se.socialfund.adapters.persistence.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import se.socialfund.application.port.in.StoreUnavailable;
import se.socialfund.application.port.out.document.ContentStore;

/**
 * The default content store: the bytes in PostgreSQL ({@code document_content}, one row per SHA-256), written in the
 * uploading transaction, so that a failed upload leaves nothing. The file is streamed into the statement and read
 * back in slices of 1 MiB, so neither way holds a whole file in the heap. Chosen unless another store is configured
 * (see the bootstrap's configuration).
 */
@ApplicationScoped
@Typed(PostgresContentStore.class)
public class PostgresContentStore implements ContentStore {
    static final int SLICE = 1024 * 1024;

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @Override
    public void put(String sha256, Path file, long size) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement exists = connection.prepareStatement(
                    "SELECT 1 FROM document_content WHERE sha256 = ?")) {
                exists.setString(1, sha256);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO document_content (sha256, size, "
                    + "content) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING");
                 InputStream in = Files.newInputStream(file)) {
                insert.setString(1, sha256);
                insert.setLong(2, size);
                insert.setBinaryStream(3, in, size);
                insert.executeUpdate();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public InputStream open(String sha256, long offset, long length) {
        return new SlicedContent(length) {
            @Override
            protected byte[] slice(long position, int size) throws IOException {
                // outside any transaction: each slice is a short read of its own
                try (Connection c = dataSource.getConnection();
                     PreparedStatement s = c.prepareStatement(
                             "SELECT substring(content FROM ? FOR ?) FROM document_content WHERE sha256 = ?")) {
                    s.setInt(1, Math.toIntExact(offset + position + 1));
                    s.setInt(2, size);
                    s.setString(3, sha256);
                    try (ResultSet rs = s.executeQuery()) {
                        if (!rs.next()) {
                            throw new IOException("the content " + sha256 + " is missing from the store");
                        }
                        return rs.getBytes(1);
                    }
                } catch (SQLException e) {
                    throw new IOException(new StoreUnavailable("the content could not be read", e));
                }
            }
        };
    }
}
