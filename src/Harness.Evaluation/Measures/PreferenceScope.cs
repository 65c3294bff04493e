namespace Harness.Evaluation.Measures;

/// <summary>Which preferences a prefs_* measure counts (the suffix of its name).</summary>
internal enum PreferenceScope
{
    /// <summary>No suffix: every preference; one whose documents were both not retrieved counts as failed.</summary>
    All,

    /// <summary><c>_ret</c>: only preferences between two retrieved documents.</summary>
    Retrieved,

    /// <summary><c>_imp</c>: preferences with at least one document retrieved.</summary>
    Implied,
}
