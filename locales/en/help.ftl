help-title = 🆘 Support, right now
help-emergency = If you are in immediate danger, call { $number } now.
help-emergency-local = If you are in immediate danger, call your local emergency number now.
resource-us-988 =
    📞 988 Suicide & Crisis Lifeline — call or text { $phone }, or chat at { $chat }.
    Free, 24/7. Press 2 for Spanish.
resource-us-samhsa =
    📞 SAMHSA National Helpline — { $phone } ({ $letters }).
    Free, confidential, 24/7/365, in English and Spanish. Treatment referrals; providers near you at { $treatment }.
help-elsewhere = 🌍 Outside the US: { $url } lists free, verified helplines for every country.
help-not-medical = Steady Nights is a sleep companion, not medical care.
help-commands-title = What I can do:
