command-start = Set up, or see where you are
command-checkin = Morning sleep check-in
command-tips = Sleep tips for your phase
command-progress = Your nights so far
command-settings = Times, time zone, language
command-help = Support and crisis resources, now
command-privacy = What I store, and how to erase it
command-cancel = Stop what we're doing
