using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using TuiProf.Core.Files;
using TuiProf.Targets;

namespace TuiProf.Commands;

/// <summary>
/// Opens a file TuiProf writes (a recording, an export), replacing what is there as <c>FileMode.Create</c> would, but
/// never through a symlink that another user planted: TuiProf often runs as root, and with
/// <c>fs.protected_symlinks=0</c> (many containers) <c>-o /tmp/x</c> would otherwise overwrite whatever file a link
/// there points to. The rule is the kernel's: a symlink in a world-writable sticky folder is followed only when it
/// belongs to us or to the folder's owner.
/// </summary>
public static partial class OutputFile
{
    public static FileStream Create(FileInfo path)
    {
        var full = path.FullName;
        // Checked, then opened without following a symlink: one planted between the two makes the open fail (ELOOP),
        // and the check runs again on what is there now. A link we may follow cannot be swapped by another user: in
        // a sticky folder only its owner (us, or the folder's owner) can replace it.
        for (var attempt = 0; ; attempt++)
        {
            var throughLink = MayFollow(full, path);
            var fd = Open(full, WriteFlags | (throughLink ? 0 : NoFollow), OwnerOnly);
            if (fd >= 0) return new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Write, bufferSize: 0);
            var errno = Marshal.GetLastPInvokeError();
            if (errno != TooManyLinks || throughLink || attempt > 0)
                throw new UsageException($"cannot write '{path}': {Marshal.GetPInvokeErrorMessage(errno)}");
        }
    }

    /// <summary>
    /// Whether the path's last part is a symlink that may be followed; throws when any part of the path is one that
    /// must not be (<c>/tmp/link/file</c> through a link to another folder as much as <c>/tmp/link</c> itself).
    /// </summary>
    private static bool MayFollow(string full, FileInfo path)
    {
        var last = false;
        for (var part = full; Path.GetDirectoryName(part) is { } folder; part = folder)
        {
            if (FileStatus.Of(part, follow: false) is not { IsSymlink: true } link) continue;
            if (FileStatus.Of(folder, follow: true) is { IsWorldWritableSticky: true } parent &&
                link.Owner != FileStatus.EffectiveUid && link.Owner != parent.Owner)
                throw new UsageException($"refusing to write through '{path}': a symlink in a world-writable folder owned by another user");
            last |= part == full;
        }
        return last;
    }

    private const int WriteFlags = 0x1 | 0x40 | 0x200 | 0x80000; // O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC
    private const int TooManyLinks = 40; // ELOOP: O_NOFOLLOW met a symlink

    /// <summary>
    /// 0600 for a new file: a recording holds what the target printed and its command lines, and TuiProf often runs as
    /// root. A file that exists keeps its mode.
    /// </summary>
    private const int OwnerOnly = 0b110_000_000;

    /// <summary>O_NOFOLLOW: 0100000 on ARM and PowerPC, 0400000 elsewhere (asm-generic).</summary>
    private static int NoFollow => RuntimeInformation.ProcessArchitecture is Architecture.Arm or Architecture.Arm64 or Architecture.Ppc64le
        ? 0x8000
        : 0x20000;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags, int mode);
}
