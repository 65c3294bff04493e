namespace Harness.Fixtures.Dependency;

/// <summary>A base type that lives in a separate assembly.</summary>
public abstract class HelperBase
{
    public virtual string Name => "helper";
}
