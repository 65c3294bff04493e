namespace Harness.Plugins.Encoders.Bert;

/// <summary>How token states become one text embedding.</summary>
public enum Pooling
{
    /// <summary>Mean over the non-padding tokens ([CLS] and [SEP] included), as sentence-transformers' mean pooling.</summary>
    Mean,

    /// <summary>The [CLS] token's final state.</summary>
    Cls,
}
