namespace Harness.Evaluation.Internal.Preferences;

/// <summary>
/// One line of a prefs rel_info file (trec_format.h TEXT_PREFS): within judgment group <see cref="Group"/> and its sub
/// group <see cref="SubGroup"/>, document <see cref="DocNo"/> has <see cref="RelLevel"/>; higher levels are preferred
/// to lower ones of the same sub group. Strings are the file's bytes (compared with strcmp, as the C does).
/// </summary>
internal readonly record struct PreferenceJudgment(byte[] Group, byte[] SubGroup, byte[] DocNo, double RelLevel);
