# El camino de crisis (PRODUCT.md, "Crisis"). Los teléfonos y direcciones vienen de
# src/content/resources.ts como { $variables }; nunca se escriben aquí.

crisis-emergency = 🚨 Si pudieras actuar según estos pensamientos, llama ya al { $number }.
crisis-emergency-local = 🚨 Si pudieras actuar según estos pensamientos, llama ya al número de emergencias de tu país.
crisis-line-us = 📞 Línea 988 de Prevención del Suicidio y Crisis: llama o escribe al { $phone } (marca 2 para español). Gratis, 24/7.
crisis-line-ca = 📞 9-8-8, línea de crisis por suicidio: llama o escribe al { $phone }. 24/7, en inglés y francés.
crisis-line-mx = 📞 Línea de la Vida: { $phone }. Gratuita, 24 horas, los 365 días; también para adicciones.
crisis-line-es = 📞 { $phone }, línea de atención a la conducta suicida: gratuita, 24/7, confidencial.
crisis-line-samaritans = 📞 Samaritans: llama al { $phone }. Gratis, 24/7.
crisis-line-other = 🌍 { $url } reúne líneas de ayuda gratuitas por país.
crisis-care = 💛 Me alegra mucho que me lo hayas dicho. No tienes que cargar con esto a solas.
crisis-continue-open = Cuando quieras, seguimos donde estábamos, o envía /cancel.
crisis-safe-question = ¿Estás a salvo ahora mismo?
crisis-button-chat = 💬 Chatear con la Línea 988
crisis-button-findahelpline = 🌍 Buscar una línea de ayuda
crisis-button-safe = Estoy a salvo por ahora
crisis-button-unsafe = No estoy a salvo

crisis-unsafe-emergency = 🚨 Emergencias: { $number }
crisis-unsafe-emergency-local = 🚨 El número de emergencias de tu país
crisis-unsafe-call = Por favor, llama ahora; yo sigo aquí. 💛

crisis-safe-later = 💛 Gracias. Me alegra que estés a salvo por ahora. Trátate con cariño; te escribo de nuevo en unas horas.
crisis-safe-morning = 💛 Gracias. Me alegra que estés a salvo por ahora. Descansa si puedes, aunque no duermas; te escribo de nuevo por la mañana.
crisis-safe-now = 💛 Gracias. Me alegra que estés a salvo por ahora. Trátate con cariño.
crisis-safe-help = Si algo cambia, /help tiene las líneas, a cualquier hora.
crisis-followup =
    💛 Te escribo, como te dije. ¿Cómo estás ahora?
    Si vuelve a pesar demasiado, /help tiene las líneas, a cualquier hora.

concern-question =
    Suena muy duro. ¿Puedo preguntarte algo directamente?
    ¿Estás teniendo pensamientos de quitarte la vida?
concern-button-yes = Sí
concern-button-no = No, solo estoy agotado/a
concern-button-skip = Prefiero no decirlo
concern-declined = 💛 Gracias por decírmelo. Este agotamiento es parte de la abstinencia y es temporal. No dejes que el cansancio tome decisiones por ti; descansar en calma cuenta, aunque no duermas.
concern-skip-intro = 💛 Está bien, no tienes que decirlo. Por si alguna vez te sirve, esto está aquí para ti, a cualquier hora:

other-intro = 💛 Qué bueno que estés pendiente de esa persona.
other-emergency = 🚨 Si pudiera actuar ahora, llama al { $number }.
other-emergency-local = 🚨 Si pudiera actuar ahora, llama al número de emergencias local.
other-together = Pueden llamar juntos a la línea, o puedes llamar tú para hablarlo. En /help hay más.

crisis-flag-care = 💛 Tus respuestas están guardadas. Hoy lo más importante eres tú, no los números del sueño. Las líneas de arriba están ahí a cualquier hora, y también /help.

onboarding-country = 🆘 /help te mostrará las líneas de: { $country } (puedes cambiarlo en /settings).
