# /privacy, /export, /delete (src/bot/features/privacy.ts)

command-export = Download your data as a file
command-delete = Erase everything about you
privacy-text =
    🔒 Your privacy

    What I store: your settings (time zone, reminder times, language, country, where you are with kratom and the key date) and your morning check-in answers: hours slept, sleep quality, restlessness, anxiety, and the boxes you tick. Also which reminders were sent, and where an unfinished conversation stopped.

    Why: only to keep your sleep diary, send your reminders at your times, choose tips for your phase and notice when it may be time for more support.

    For how long: until you erase it with /delete. Nothing expires on its own, so your history stays complete.

    Who can see it: the person or team who runs this bot's server can access its database. Nothing is shared with anyone else, sold, or used for ads, and your health answers never go into the server's logs. Like every Telegram chat, our messages also pass through Telegram.

    Your data, your call:
    /export sends you everything as a spreadsheet file (CSV).
    /delete erases everything about you, after you confirm.
export-caption =
    Your Steady Nights data: your settings and { $nights ->
        [one] one night
       *[other] { $nights } nights
    }, one row per night.
export-nothing = I don't have any data about you. /start sets you up.
delete-confirm =
    This erases everything I have about you: your settings, every check-in, your reminders and any unfinished conversation. It can't be undone. If you'd like a copy first, send /export.

    Erase everything?
delete-yes = Yes, erase everything
delete-no = No, keep it
delete-done = Everything about you has been erased. If you ever want to start again, send /start. /help is always here.
delete-kept = Okay, nothing was deleted.
delete-nothing = I don't have anything stored about you.
delete-expired = That confirmation has expired. Send /delete again if you still want to erase everything.
