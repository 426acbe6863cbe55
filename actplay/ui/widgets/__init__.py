"""Parts that know nothing of the model: the float slider, parameter sliders, the
function picker, light plots, the diverging colour scale, lazy tabs, focus order,
retiring a widget, markup and the help box."""
