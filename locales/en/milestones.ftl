# Milestones (src/domain/milestones.ts): one line in the check-in reply on days 7, 14, 28, 56
# and 90, counted from the day 0 in force. Facts from the two source articles.
milestone-7 = 🏁 Day { $day }: the first week is the hardest for sleep, and you've come through it.
milestone-14 = 🏁 Day { $day }: two weeks. From here sleep usually begins to recover, even if it's still broken.
milestone-28 = 🏁 Day { $day }: four weeks. Next comes a gradual return toward your usual sleep.
milestone-56 = 🏁 Day { $day }: eight weeks, through the stretch where sleep slowly finds its way back.
milestone-90 = 🏁 Day { $day }: after long, heavy use, full sleep recovery can take 3–6 months. You're well on the way.
