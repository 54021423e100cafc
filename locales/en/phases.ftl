# Withdrawal phases (src/domain/types.ts PHASE_IDS): a short name and what is normal.
# Facts from the two source articles.

phase-using-name = Still using
phase-using-expect =
    For heavy daily users, sleep tends to depend on the dose.
    The sleepy effect fades as tolerance builds, and nights get restless between doses.
    Taking more, or dosing at bedtime, speeds up dependence.

phase-preparing-name = Getting ready
phase-preparing-expect =
    The hardest nights usually come in the first week, worst on days 2–5 for most.
    If you can, arrange some flexibility for days 3–7.
    Set up a cool, dark bedroom and pick the wake time you'll keep.

phase-onset-name = First days
phase-onset-expect =
    Sleep trouble can start within hours of the last dose.
    Falling asleep is hard, staying asleep harder, and waking very early is common.
    None of this means something is wrong.

phase-peak-name = Peak
phase-peak-expect =
    For most people these are the worst nights.
    Several nights of very broken sleep, or almost none, can happen.
    Sleep loss turns up anxiety, aches and low mood. It passes.

phase-easing-name = Easing
phase-easing-expect =
    Falling asleep gets a little easier.
    Sleep is still broken and may not feel restful yet.
    That's normal: sleep recovers later than the body.

phase-rebuilding-name = Rebuilding
phase-rebuilding-expect =
    Sleep is recovering, with some rough nights still.
    Vivid or disturbing dreams are common as REM sleep bounces back.
    They're expected and temporary.

phase-post-acute-name = Post-acute
phase-post-acute-expect =
    Sleep is slowly returning toward your normal.
    Some lighter disruption can linger for a while; that's part of it.

phase-long-term-name = Long-term
phase-long-term-expect =
    After long, heavy use, full sleep recovery may take 3–6 months.
    Keeping your wake time steady still helps.
