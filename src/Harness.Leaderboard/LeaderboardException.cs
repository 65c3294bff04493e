namespace Harness.Leaderboard;

/// <summary>Bad input to the leaderboard (not a results folder, an unknown measure or baseline axis), in one line.</summary>
public sealed class LeaderboardException : Exception
{
    public LeaderboardException()
    {
    }

    public LeaderboardException(string message)
        : base(message)
    {
    }

    public LeaderboardException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
