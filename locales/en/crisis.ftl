# The crisis path (PRODUCT.md, "Crisis"). Phone numbers and addresses come from
# src/content/resources.ts as { $variables }; they are never written here.

crisis-emergency = 🚨 If you might act on these thoughts, call { $number } now.
crisis-emergency-local = 🚨 If you might act on these thoughts, call your local emergency number now.
crisis-line-us = 📞 988 Suicide & Crisis Lifeline: call or text { $phone } (press 2 for Spanish). Free, 24/7.
crisis-line-ca = 📞 9-8-8 Suicide Crisis Helpline: call or text { $phone }. 24/7, in English and French.
crisis-line-mx = 📞 Línea de la Vida: { $phone }. Free, 24 hours, 365 days, also for addictions.
crisis-line-es = 📞 { $phone }, Spain's line for suicidal thoughts: free, 24/7, confidential.
crisis-line-samaritans = 📞 Samaritans: call { $phone }. Free, 24/7.
crisis-line-other = 🌍 { $url } lists free helplines by country.
crisis-care = 💛 I'm really glad you told me. You don't have to carry this alone.
crisis-continue-open = When you're ready, we can carry on where we were, or send /cancel.
crisis-safe-question = Are you safe right now?
crisis-button-chat = 💬 Chat with the 988 Lifeline
crisis-button-findahelpline = 🌍 Find a helpline
crisis-button-safe = I'm safe for now
crisis-button-unsafe = I'm not safe

crisis-unsafe-emergency = 🚨 Emergency: { $number }
crisis-unsafe-emergency-local = 🚨 Your local emergency number
crisis-unsafe-call = Please call now; I'll stay here. 💛

crisis-safe-later = 💛 Thank you. I'm glad you're safe for now. Be gentle with yourself; I'll check in with you in a few hours.
crisis-safe-morning = 💛 Thank you. I'm glad you're safe for now. Rest if you can, even without sleep; I'll check in with you in the morning.
crisis-safe-now = 💛 Thank you. I'm glad you're safe for now. Be gentle with yourself.
crisis-safe-help = If anything changes, /help has the lines, any time.
crisis-followup =
    💛 Checking in, as I said I would. How are you doing now?
    If things get heavy again, /help has the lines, any time.

concern-question =
    That sounds really hard. Can I ask you something directly?
    Are you having thoughts of ending your life?
concern-button-yes = Yes
concern-button-no = No, I'm just worn out
concern-button-skip = I'd rather not say
concern-declined = 💛 Thank you for telling me. Being this worn out is part of withdrawal, and it's temporary. Don't let the exhaustion make decisions for you; resting quietly counts, even without sleep.
concern-skip-intro = 💛 That's okay, you don't have to say. If it ever helps, these are here for you, any time:

other-intro = 💛 It's good that you're looking out for them.
other-emergency = 🚨 If they might act on it now, call { $number }.
other-emergency-local = 🚨 If they might act on it now, call the local emergency number.
other-together = You can call the line together, or call it yourself to talk it through. /help has more.

crisis-flag-care = 💛 Your answers are kept. Today the most important thing is you, not the sleep numbers. The lines above are there any time, and so is /help.

onboarding-country = 🆘 /help will show the lines for: { $country } (you can change it in /settings).
