namespace Mcu.Monitor.Sources.Vk;

/// <summary>
/// At most N requests of one token per sliding second, as VK counts them: where they arrive. We cannot see
/// the arrival, only that it happened between our send and the response, so a request holds its slot while
/// in flight and its one-second window starts when its response came back. Request i+N then arrives at least
/// a window after request i whatever the network latency (a send-time limiter lets a slow first request
/// arrive close to a fast later one and trip error 6). A small margin covers clock granularity.
/// </summary>
internal sealed class VkRateLimiter : IDisposable
{
    public static readonly TimeSpan SafetyMargin = TimeSpan.FromMilliseconds(50);

    /// <summary>How often a caller re-checks when every slot is in flight (responses end those, not time).</summary>
    private static readonly TimeSpan InFlightPoll = TimeSpan.FromMilliseconds(20);

    private readonly int _permits;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly List<Slot> _slots = [];
    private readonly Lock _slotsLock = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    public VkRateLimiter(int requestsPerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(requestsPerSecond, 1);
        _permits = requestsPerSecond;
        _window = TimeSpan.FromSeconds(1) + SafetyMargin;
        _time = time;
    }

    /// <summary>Waits until one more request may be sent; dispose the lease when its response has arrived.</summary>
    public async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_slotsLock)
                {
                    var now = _time.GetTimestamp();
                    _slots.RemoveAll(s => s.CompletedAt is { } done && _time.GetElapsedTime(done, now) >= _window);
                    if (_slots.Count < _permits)
                    {
                        var slot = new Slot(this);
                        _slots.Add(slot);
                        return slot;
                    }

                    var completed = _slots.Where(s => s.CompletedAt is not null).Select(s => s.CompletedAt!.Value).ToList();
                    wait = completed.Count == 0 ? InFlightPoll : _window - _time.GetElapsedTime(completed.Min(), now);
                }

                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), _time, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private void Complete(Slot slot)
    {
        lock (_slotsLock)
        {
            slot.CompletedAt ??= _time.GetTimestamp();
        }
    }

    private sealed class Slot(VkRateLimiter owner) : IDisposable
    {
        public long? CompletedAt { get; set; }

        public void Dispose() => owner.Complete(this);
    }
}
