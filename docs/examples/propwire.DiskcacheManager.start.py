import asyncio
import tempfile
import threading

import diskcache

from propwire import DiskcacheManager
from propwire.background_jobs import JobRun

# what propwire does for each background call: start the job, follow its frames, read its record by id
manager = DiskcacheManager(diskcache.Cache(tempfile.mkdtemp()))


def count(set_progress, upto):
    for i in range(1, upto + 1):
        set_progress(i)
    return f"counted to {upto}"


async def follow():
    job = manager.start(JobRun(count, [3], {}, info=None, progress=lambda v: {"bar.value": v}, interval_ms=1000))
    return job.id, [frame async for frame in job.events()]


found = {}  # a loop of its own, on a thread: the caller may be inside a running loop already
thread = threading.Thread(target=lambda: found.update(answer=asyncio.run(follow())))
thread.start()
thread.join()
job_id, frames = found["answer"]
assert frames == [("progress", {"bar.value": 1}), ("progress", {"bar.value": 2}), ("progress", {"bar.value": 3}),
                  ("result", "counted to 3")]
assert manager.state(job_id)["status"] == "done"
