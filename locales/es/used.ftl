# /used: una recaída, sin culpa (src/bot/conversations/used.ts)

command-used = Volví a consumir: reiniciar mi cuenta
used-confirm =
    Gracias por contármelo. Volver a consumir le pasa a mucha gente durante la abstinencia. No borra lo que ya has atravesado ni dice nada malo de ti.

    ¿Reinicio tu cuenta de días? Tus noches anteriores se quedan en tu historial, marcadas como un intento anterior.
used-confirm-yes = Sí, reiniciar mi cuenta
used-confirm-no = Ahora no
used-confirm-expected = Toca «Sí, reiniciar mi cuenta» o «Ahora no».
used-kept = De acuerdo, no he cambiado nada. Si quieres hablar con alguien, en /help hay personas dispuestas a escucharte.
used-date-question = ¿Cuándo fue tu dosis más reciente? Toca una opción o escribe una fecha (como 2026-11-19).
used-date-expected = Toca Hoy o Ayer, o escribe una fecha como 2026-11-19 o «hace 2 días».
used-date-before-current = Esa fecha es anterior a la última dosis que ya tengo anotada ({ DATETIME($date, dateStyle: "long") }). Elige ese día o uno posterior.
used-done = Hecho. Tu cuenta vuelve a empezar desde el { DATETIME($date, dateStyle: "long") }. Trátate con cariño esta noche: las primeras noches son duras para la mayoría, y tú ya sabes que pasan.
used-history-kept =
    { $nights ->
        [0] Tu historial se queda como estaba.
        [one] Tu noche anterior se queda en tu historial, marcada como un intento anterior.
       *[other] Tus { $nights } noches anteriores se quedan en tu historial, marcadas como un intento anterior.
    }
used-not-counting = Todavía no estás contando días sin kratom, así que no hay nada que reiniciar. Cuando llegue el momento, puedes poner una fecha para dejarlo en /settings.
