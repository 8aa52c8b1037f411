//! Work done off the frame loop: a [`Background`] job runs a blocking closure (a file
//! dialog, installing a pack, reading a class's files, grading an exam) on a thread of
//! its own, and the frame loop only polls it. Bevy's task pools are left alone: a job may
//! block for many seconds, which would stall the renderer's own tasks. The web build has
//! no threads: there the closure runs at once.

use std::sync::Mutex;
use std::sync::mpsc::{self, Receiver, TryRecvError};

/// Where a job stands.
#[derive(Debug, PartialEq, Eq)]
pub enum JobState<T> {
    Running,
    Done(T),
    /// The job ended without an answer (its thread panicked or could not start).
    Lost,
}

/// A job running on its own thread.
#[derive(Debug)]
pub struct Background<T> {
    /// In a mutex only because resources must be `Sync`; only `poll` touches it.
    receiver: Mutex<Receiver<T>>,
}

impl<T: Send + 'static> Background<T> {
    /// Starts `work`, named `name` (seen in debuggers and panic messages).
    pub fn spawn(name: &str, work: impl FnOnce() -> T + Send + 'static) -> Background<T> {
        let (sender, receiver) = mpsc::channel();
        let job = move || {
            // Nobody listens any more when the screen was left: that is fine.
            let _ = sender.send(work());
        };
        #[cfg(not(target_arch = "wasm32"))]
        {
            // If the thread cannot start, the sender is dropped and the job is `Lost`.
            let _ = std::thread::Builder::new()
                .name(format!("codebot-{name}"))
                .spawn(job);
        }
        #[cfg(target_arch = "wasm32")]
        {
            let _ = name;
            job();
        }
        Background {
            receiver: Mutex::new(receiver),
        }
    }

    /// The job's answer once it is there (given once; `Lost` afterwards).
    pub fn poll(&mut self) -> JobState<T> {
        let receiver = self
            .receiver
            .get_mut()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match receiver.try_recv() {
            Ok(value) => JobState::Done(value),
            Err(TryRecvError::Empty) => JobState::Running,
            Err(TryRecvError::Disconnected) => JobState::Lost,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer<T: Send + 'static>(job: &mut Background<T>) -> JobState<T> {
        loop {
            match job.poll() {
                JobState::Running => std::thread::yield_now(),
                other => return other,
            }
        }
    }

    #[test]
    fn a_job_answers_once_then_is_gone() {
        let mut job = Background::spawn("test", || 6 * 7);
        assert_eq!(answer(&mut job), JobState::Done(42));
        assert_eq!(job.poll(), JobState::Lost);
    }

    #[test]
    fn a_job_that_panics_is_lost_not_fatal() {
        let mut job: Background<u32> = Background::spawn("test-panic", || panic!("broken job"));
        assert_eq!(answer(&mut job), JobState::Lost);
    }
}
