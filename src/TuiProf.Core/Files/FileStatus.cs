using System.Runtime.InteropServices;

namespace TuiProf.Core.Files;

/// <summary>
/// What <c>statx(2)</c> says of a path: its type, mode and owner. .NET's file API has no owner, and whose a file is
/// decides whether TuiProf may write through a symlink or take a socket for a process's. statx rather than stat: its
/// struct has one layout on every Linux architecture.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 256)]
public readonly partial struct FileStatus
{
    [FieldOffset(20)] private readonly uint _uid;
    [FieldOffset(28)] private readonly ushort _mode;

    public uint Owner => _uid;

    public bool IsSymlink => (_mode & TypeMask) == 0xA000; // S_IFLNK

    public bool IsSocket => (_mode & TypeMask) == 0xC000; // S_IFSOCK

    public bool IsWorldWritableSticky => (_mode & 0x200) != 0 && (_mode & 0x2) != 0; // S_ISVTX, S_IWOTH

    /// <summary>The path's status, of a symlink itself unless <paramref name="follow"/>; null when there is nothing there.</summary>
    public static FileStatus? Of(string path, bool follow) =>
        Statx(CurrentDirectory, path, follow ? 0 : SymlinkNoFollow, TypeModeAndUid, out var status) == 0 ? status : null;

    /// <summary>This process's effective uid: whose files it makes, and whose it may take as its own.</summary>
    public static uint EffectiveUid => GetEffectiveUid();

    private const int TypeMask = 0xF000;
    private const int CurrentDirectory = -100; // AT_FDCWD
    private const int SymlinkNoFollow = 0x100; // AT_SYMLINK_NOFOLLOW
    private const uint TypeModeAndUid = 0x1 | 0x2 | 0x8; // STATX_TYPE | STATX_MODE | STATX_UID

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, out FileStatus status);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUid();
}
