//! SVG to PNG through the browser: the SVG is loaded as an image, drawn on a canvas at a scale, and
//! the canvas encoded as PNG. System fonts are used as in the page; nothing is fetched.

use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// Draws `svg` (`width` × `height` px) at `scale` on a canvas and calls `done` with the PNG, or
/// with an error when the browser cannot load or encode it.
pub fn svg_to_png(
    svg: &str,
    width: u32,
    height: u32,
    scale: u32,
    done: impl FnOnce(Result<web_sys::Blob, JsValue>) + 'static,
) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let parts = js_sys::Array::of1(&JsValue::from_str(svg));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let image = web_sys::HtmlImageElement::new()?;
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    canvas.set_width(width * scale);
    canvas.set_height(height * scale);

    // `done` is called once, from whichever of onload/onerror fires.
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let finish = {
        let done = done.clone();
        let url = url.clone();
        move |result: Result<web_sys::Blob, JsValue>| {
            let _ = web_sys::Url::revoke_object_url(&url);
            if let Some(f) = done.borrow_mut().take() {
                f(result);
            }
        }
    };
    let on_error = {
        let finish = finish.clone();
        Closure::once_into_js(move || finish(Err(JsValue::from_str("image did not load"))))
    };
    let on_load = {
        let image = image.clone();
        Closure::once_into_js(move || {
            let drawn = draw(&canvas, &image, width * scale, height * scale);
            let finish_blob = finish.clone();
            let encoded = drawn.and_then(|()| {
                let callback = Closure::once_into_js(move |blob: JsValue| {
                    finish_blob(
                        blob.dyn_into::<web_sys::Blob>()
                            .map_err(|_| JsValue::from_str("canvas could not be encoded")),
                    )
                });
                canvas.to_blob_with_type(callback.unchecked_ref(), "image/png")
            });
            if let Err(e) = encoded {
                finish(Err(e));
            }
        })
    };
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_onerror(Some(on_error.unchecked_ref()));
    image.set_src(&url);
    Ok(())
}

/// White background, then the image scaled to the canvas.
fn draw(
    canvas: &web_sys::HtmlCanvasElement,
    image: &web_sys::HtmlImageElement,
    width: u32,
    height: u32,
) -> Result<(), JsValue> {
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2d context"))?
        .dyn_into()?;
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, f64::from(width), f64::from(height));
    context.draw_image_with_html_image_element_and_dw_and_dh(
        image,
        0.0,
        0.0,
        f64::from(width),
        f64::from(height),
    )
}
