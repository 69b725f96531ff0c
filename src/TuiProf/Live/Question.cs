namespace TuiProf.Live;

/// <summary>A yes/no question on screen before a key ends or leaves the user's program; <see cref="Key"/> again also means yes.</summary>
public sealed record Question(string Text, string Key, Action Yes);
