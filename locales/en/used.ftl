# /used: a relapse, said without blame (src/bot/conversations/used.ts)

command-used = I used again: restart my count
used-confirm =
    Thank you for telling me. Using again happens to a lot of people in withdrawal. It doesn't erase what you've already been through, and it says nothing bad about you.

    Shall I restart your day count? Your earlier nights stay in your history, marked as a previous attempt.
used-confirm-yes = Yes, restart my count
used-confirm-no = Not now
used-confirm-expected = Tap "Yes, restart my count" or "Not now".
used-kept = Okay, nothing has changed. If you'd like to talk to someone, /help has people ready to listen.
used-date-question = When was your most recent dose? Tap one, or type a date (like 2026-11-19).
used-date-expected = Tap Today or Yesterday, or type a date like 2026-11-19 or "2 days ago".
used-date-before-current = That's before the last dose I already have ({ DATETIME($date, dateStyle: "long") }). Pick that day or a later one.
used-done = Done. Your count starts again from { DATETIME($date, dateStyle: "long") }. Go gently tonight: the first nights are hard for most people, and you already know they pass.
used-history-kept =
    { $nights ->
        [0] Your history is kept as it was.
        [one] Your earlier night stays in your history, marked as a previous attempt.
       *[other] Your { $nights } earlier nights stay in your history, marked as a previous attempt.
    }
used-not-counting = You're not counting days without kratom yet, so there's nothing to restart. When you're ready, you can set a quit date in /settings.
