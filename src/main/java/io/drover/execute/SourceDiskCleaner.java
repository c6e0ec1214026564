package io.drover.execute;

import io.drover.libvirt.DomainDescription;
import io.drover.libvirt.HypervisorConnection;
import io.drover.libvirt.LibvirtConnector;
import io.drover.libvirt.LibvirtFailure;
import io.drover.libvirt.xml.DomainXmlParser;
import io.drover.model.BackingStore;
import io.drover.model.Disk;
import io.drover.model.DiskSharing;
import io.drover.model.DiskSource;
import io.drover.model.Guest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opt-in cleanup after a block copy: the source host keeps the image files a guest left behind. Each local disk the
 * move copied is deleted through the source's storage API (pool of its directory refreshed, volume looked up by
 * path, deleted), and only once the move is VERIFIED. A disk that any domain on the source still references (as its
 * image or in a backing chain) is kept. The outcome of each disk is recorded on the move's transition log, and a
 * disk with a recorded outcome is never looked at again, so a resumed run deletes nothing twice; a run that dies
 * between the delete and the record finds the volume gone and records that.
 */
public class SourceDiskCleaner {

    private static final Logger log = LoggerFactory.getLogger(SourceDiskCleaner.class);
    /** Prefix of every cleanup note on a move: how a resumed run tells a disk it already dealt with. */
    static final String NOTE = "source disk ";
    /** {@code VIR_ERR_NO_STORAGE_VOL}. */
    private static final int NO_STORAGE_VOLUME = 50;

    private final LibvirtConnector connector;
    private final ApplyStore store;
    private final HostCallLimiter limiter;

    public SourceDiskCleaner(LibvirtConnector connector, ApplyStore store, HostCallLimiter limiter) {
        this.connector = connector;
        this.store = store;
        this.limiter = limiter;
    }

    /**
     * Deletes the local disks a VERIFIED move copied off its source, except those already dealt with. A source that
     * does not answer is left for a later run.
     *
     * @param guest     the guest's facts on its source (its disks and their sharing)
     * @param copyDisks the disk targets the plan had copied
     */
    public void cleanUp(MoveRecord move, Guest guest, List<String> copyDisks, String sourceUri) {
        if (move.state() != MoveState.VERIFIED) {
            throw new IllegalStateException("move " + move.seq() + " (" + move.label() + ") is " + move.state()
                    + ": source disks are deleted only after VERIFIED");
        }
        List<String> recorded = store.notes(move.runId(), move.seq()).stream().filter(note -> note.startsWith(NOTE))
                .map(SourceDiskCleaner::recordedPath).toList();
        List<String> paths = copiedLocalFiles(guest, copyDisks).stream().filter(path -> !recorded.contains(path))
                .toList();
        if (paths.isEmpty()) {
            return;
        }
        try {
            limiter.run(move.source(), () -> {
                try (HypervisorConnection source = connector.open(sourceUri)) {
                    for (String path : paths) {
                        String outcome = delete(source, path);
                        store.note(move, NOTE + outcome);
                        log.info("Move {} ({}): {} on {}", move.seq(), move.label(), NOTE + outcome, move.source());
                    }
                }
            });
        } catch (LibvirtFailure e) {
            log.warn("Move {} ({}): source disks of {} not cleaned up, a later run tries again: {}", move.seq(),
                    move.label(), move.source(), e.getMessage());
        }
    }

    /** The path of a cleanup note ({@code source disk OUTCOME: PATH[ (WHY)]}). */
    static String recordedPath(String note) {
        String path = note.substring(note.indexOf(": ") + 2);
        int why = path.indexOf(" (");
        return why < 0 ? path : path.substring(0, why);
    }

    /** The image files of the copied disks that only the source sees; never a backing file (others may share it). */
    static List<String> copiedLocalFiles(Guest guest, List<String> copyDisks) {
        return guest.disks().stream().filter(disk -> copyDisks.contains(disk.target()))
                .filter(disk -> disk.sharing() == DiskSharing.LOCAL && !disk.shareable())
                .filter(disk -> disk.source() instanceof DiskSource.File)
                .map(disk -> ((DiskSource.File) disk.source()).path()).toList();
    }

    /** Deletes one volume unless a domain of the source refers to it; returns what happened, for the record. */
    private static String delete(HypervisorConnection source, String path) {
        Optional<String> user = referencingDomain(source.domains(), path);
        if (user.isPresent()) {
            return "kept: " + path + " (used by domain " + user.get() + " on this host)";
        }
        String directory = DiskSource.File.directoryOf(path);
        if (source.refreshStoragePoolsAt(directory) == 0) {
            return "kept: " + path + " (no storage pool at " + directory + " to delete it through)";
        }
        try {
            source.deleteVolume(path);
            return "deleted: " + path;
        } catch (LibvirtFailure e) {
            if (e.code() == NO_STORAGE_VOLUME) {
                return "already gone: " + path;
            }
            throw e;
        }
    }

    static Optional<String> referencingDomain(List<DomainDescription> domains, String path) {
        for (DomainDescription domain : domains) {
            for (Disk disk : DomainXmlParser.parse(domain.xml()).disks()) {
                if (paths(disk).contains(path)) {
                    return Optional.of(domain.name());
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> paths(Disk disk) {
        List<String> paths = new ArrayList<>();
        if (disk.source() instanceof DiskSource.File file) {
            paths.add(file.path());
        }
        for (BackingStore backing : disk.backingChain()) {
            if (backing.source() instanceof DiskSource.File file) {
                paths.add(file.path());
            }
        }
        return paths;
    }
}
